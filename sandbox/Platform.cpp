#include "Platform.h"

#include "Context.h"
#include "Module.h"
#include "Payments.h"
#include "Reply.h"
#include "SandboxServer.h"

#include "core/model/Enums.h"
#include "core/validation/ApplicationValidator.h"

namespace ca::sandbox {

QString Platform::noticeTitle()
{
    return QStringLiteral("CA网上办理告知及确认书");
}

QString Platform::noticeText()
{
    return QStringLiteral(
        "尊敬的用户：\n"
        "为保障您的合法权益，请在办理CA数字证书业务前仔细阅读以下内容：\n"
        "一、CA数字证书（USB Key）用于在阳光采购服务平台进行身份认证、电子签章和投标文件加解密，"
        "具有与单位公章同等的法律效力，请妥善保管，不得转借他人。\n"
        "二、申请单位应如实填写单位名称、统一社会信用代码、取锁方式、邮寄地址与开票信息，"
        "并上传加盖单位公章的法人、经办人身份证件、CA证书申请表、授权委托书和营业执照电子件。"
        "因信息不实造成的后果由申请单位自行承担。\n"
        "三、开票信息中不允许出现特殊字符（如空格、-等）；发票开具后不予更换。\n"
        "四、由于CA证书的特殊性，一旦缴费，不能退办。微信支付需在300秒内完成，超时订单自动失效，可重新发起支付。\n"
        "五、审核通过且缴费成功后，中心将在两个工作日内办理。选择“邮寄取锁”的，CA锁将邮寄至所填地址，收到后请及时“确认签收”；"
        "选择“现场取锁”的，请携带有效证件到服务大厅领取。\n"
        "六、延期续费、信息变更的证书在线写入原CA锁，原私钥保留，以保证已加密的投标文件仍可解密。\n"
        "七、如遗失CA锁或遗忘PIN码，请及时办理补办或通过平台短信验证重置PIN码。\n"
        "CA办理服务电话：0531-67880028、400-0531-556。\n"
        "本单位已阅读并知晓上述内容，确认按上述规定办理CA数字证书业务。");
}

QString Platform::noticeTextEn()
{
    return QStringLiteral(
        "Dear user,\n"
        "To protect your rights, read the following carefully before you apply for a CA digital certificate:\n"
        "1. The CA digital certificate (USB key) identifies your organisation on the Sunshine Procurement Service "
        "Platform, signs documents electronically and encrypts and decrypts bid documents. It has the same legal "
        "effect as the organisation's official seal; keep it safe and never lend it to others.\n"
        "2. Fill in the organisation name, unified social credit code, pickup method, mailing address and invoice "
        "details truthfully, and upload scans, stamped with the official seal, of the legal representative's and the "
        "handler's ID documents, the CA certificate application form, the letter of authorisation and the business "
        "licence. The applicant bears the consequences of untrue information.\n"
        "3. Invoice details must not contain special characters (such as spaces or '-'); issued invoices are not "
        "exchanged.\n"
        "4. Because of the special nature of CA certificates, a fee once paid is not refunded. A WeChat payment must "
        "be completed within 300 seconds; an expired order lapses and a new payment can be started.\n"
        "5. Once the application is approved and paid, the centre handles it within two working days. A key sent by "
        "mail goes to the address given; confirm its receipt when it arrives. A key collected on site is handed out "
        "at the service hall against valid ID.\n"
        "6. Renewed or changed certificates are written online to the existing USB key and the existing private key "
        "is kept, so that bid documents encrypted earlier can still be decrypted.\n"
        "7. If a key is lost or its PIN forgotten, apply for a replacement or reset the PIN through the platform with "
        "a text-message code.\n"
        "CA service line: 0531-67880028, 400-0531-556.\n"
        "Our organisation has read and understood the above and agrees to apply for CA digital certificates under "
        "these terms.");
}

QJsonArray Platform::attachmentCategories()
{
    // Labels and 说明 from seed 000's CA办理电子件 table; which kinds need
    // which category is ApplicationValidator's rule (the server enforces it on submit).
    auto cat = [](AttachmentCategory c, const QString &label, const QString &description) {
        QJsonArray kinds;
        for (const ApplicationKind kind : enumValues<ApplicationKind>())
            if (ApplicationValidator::requiredAttachments(kind).contains(c))
                kinds.append(enumWord(kind));
        return QJsonObject{{QStringLiteral("category"), enumWord(c)},
                           {QStringLiteral("label"), label},
                           {QStringLiteral("description"), description},
                           {QStringLiteral("required_for"), kinds}};
    };
    return QJsonArray{
        cat(AttachmentCategory::LegalRepId, QStringLiteral("法人身份证件"), QStringLiteral("请上传法人身份证件(加盖公章)")),
        cat(AttachmentCategory::HandlerId, QStringLiteral("经办人身份证件"), QStringLiteral("请上传经办人身份证件(加盖公章)")),
        cat(AttachmentCategory::ApplicationForm, QStringLiteral("CA证书申请表"),
            QStringLiteral("请到阳光采购服务平台-主体管理-CA申请下载《CA证书申请表》")),
        cat(AttachmentCategory::AuthorizationLetter, QStringLiteral("授权委托书"),
            QStringLiteral("请到阳光采购服务平台-主体管理-CA申请下载《授权委托书》")),
        cat(AttachmentCategory::BusinessLicence, QStringLiteral("营业执照"), QStringLiteral("请上传《营业执照》(加盖公章)")),
    };
}

QJsonObject Platform::info(const Context &context)
{
    return QJsonObject{
        {QStringLiteral("name"), QStringLiteral("阳光采购服务平台 (ca-sandbox)")},
        {QStringLiteral("workflow"), context.config.workflow},
        {QStringLiteral("prices"), Context::priceTable()},
        {QStringLiteral("max_upload_bytes"), double(context.config.maxUploadBytes)},
        {QStringLiteral("wechat_order_ttl_seconds"), Payments::wechatTtlSeconds()},
        {QStringLiteral("payee"), Payments::payeeName()},
        {QStringLiteral("notice"), QJsonObject{{QStringLiteral("title"), noticeTitle()},
                                               {QStringLiteral("text"), noticeText()},
                                               {QStringLiteral("text_en"), noticeTextEn()}}},
        {QStringLiteral("attachment_categories"), attachmentCategories()},
    };
}

namespace {

class PlatformModule : public Module
{
public:
    QString name() const override { return QStringLiteral("platform"); }
    int order() const override { return 101; }
    void install(Context &context, SandboxServer &server) override
    {
        for (const auto &r : server.routes()) {
            if (r.method == Method::Get && r.pattern == QLatin1String("/api/v1/platform")) {
                qCInfo(lcSandbox) << "GET /api/v1/platform already registered by another module; sandbox-ext's is not used";
                return;
            }
        }
        const Context *ctx = &context;
        server.route(Method::Get, QStringLiteral("/api/v1/platform"), Access::Public,
                     [ctx](Request &) { return Reply::json(200, Platform::info(*ctx)); });
    }
};

} // namespace

CA_SANDBOX_MODULE(PlatformModule)

} // namespace ca::sandbox
