#include "Multipart.h"

namespace ca::sandbox {

namespace {

// Value of a parameter (name="value" or name=value) in a header value.
std::optional<QByteArray> headerParam(const QByteArray &header, const QByteArray &name)
{
    const QList<QByteArray> pieces = header.split(';');
    for (int i = 1; i < pieces.size(); ++i) {
        const QByteArray p = pieces.at(i).trimmed();
        const int eq = p.indexOf('=');
        if (eq <= 0)
            continue;
        if (p.left(eq).trimmed().toLower() != name)
            continue;
        QByteArray v = p.mid(eq + 1).trimmed();
        if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
            v = v.mid(1, v.size() - 2);
        return v;
    }
    return std::nullopt;
}

} // namespace

QByteArray Multipart::boundary(const QByteArray &contentType)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return {};
    const auto b = headerParam(contentType, "boundary");
    if (!b || b->isEmpty() || b->size() > 200)
        return {};
    return *b;
}

std::optional<QList<Multipart::Part>> Multipart::parse(const QByteArray &body, const QByteArray &boundary, QString *error)
{
    auto fail = [error](const QString &m) -> std::optional<QList<Multipart::Part>> {
        if (error)
            *error = m;
        return std::nullopt;
    };
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return fail(QStringLiteral("the boundary does not occur in the body"));
    QList<Part> parts;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            break; // closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            return fail(QStringLiteral("a boundary line is not followed by CRLF"));
        pos += 2;
        const qsizetype headerEnd = body.indexOf("\r\n\r\n", pos);
        if (headerEnd < 0)
            return fail(QStringLiteral("a part has no end of headers"));
        const QByteArray headerBlock = body.mid(pos, headerEnd - pos);
        const qsizetype dataStart = headerEnd + 4;
        const QByteArray crlfDelimiter = "\r\n" + delimiter;
        const qsizetype next = body.indexOf(crlfDelimiter, dataStart);
        if (next < 0)
            return fail(QStringLiteral("the body ends before the closing boundary"));
        Part part;
        bool hasDisposition = false;
        for (const QByteArray &line : headerBlock.split('\n')) {
            const QByteArray l = line.trimmed();
            if (l.isEmpty())
                continue;
            const int colon = l.indexOf(':');
            if (colon <= 0)
                return fail(QStringLiteral("a part header is malformed"));
            const QByteArray name = l.left(colon).trimmed().toLower();
            const QByteArray value = l.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                if (!value.toLower().startsWith("form-data"))
                    return fail(QStringLiteral("a part is not form-data"));
                hasDisposition = true;
                if (const auto n = headerParam(value, "name"))
                    part.name = QString::fromUtf8(*n);
                if (const auto f = headerParam(value, "filename")) {
                    part.fileName = QString::fromUtf8(*f);
                    part.hasFileName = true;
                }
            } else if (name == "content-type") {
                part.contentType = value;
            }
        }
        if (!hasDisposition || part.name.isEmpty())
            return fail(QStringLiteral("a part has no Content-Disposition name"));
        part.data = body.mid(dataStart, next - dataStart);
        parts.append(part);
        pos = next + 2;
        if (parts.size() > 20)
            return fail(QStringLiteral("too many parts"));
    }
    if (parts.isEmpty())
        return fail(QStringLiteral("no parts"));
    return parts;
}

} // namespace ca::sandbox
