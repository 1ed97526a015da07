#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace ca::keyops {

// Small OpenSSL readings the renewal needs (no token access).
class KeyMaterial
{
public:
    // SubjectPublicKeyInfo DER of a certificate (DER or PEM) / of a DER or PEM PKCS#10 request; empty when unreadable.
    static QByteArray certificatePublicKey(const QByteArray &certificate);
    static QByteArray requestPublicKey(const QByteArray &request);
    // The subject of a certificate as (short name or OID, UTF-8 value) pairs in order, e.g. ("O", "某某有限公司").
    static QList<QPair<QString, QString>> subjectFields(const QByteArray &certificate);
    // The subject of a DER/PEM request, RFC 2253 (UTF-8 kept).
    static QString requestSubject(const QByteArray &request);
    // The first PEM certificate of a text converted to DER; empty when there is none.
    static QByteArray firstCertificateDer(const QByteArray &pem);
};

} // namespace ca::keyops
