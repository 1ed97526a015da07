<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApplicationCommand</name>
    <message>
        <source>ca-tool: a password is never taken from the command line; use --password-file FILE or type it when asked.</source>
        <translation>ca-tool: 命令行中绝不接受密码；请使用--password-file 文件，或在提示时输入。</translation>
    </message>
    <message>
        <source>ca-tool: the option %1 needs a value.</source>
        <translation>ca-tool: 选项%1需要一个值。</translation>
    </message>
    <message>
        <source>ca-tool: --timeout needs a number of seconds greater than 0.</source>
        <translation>ca-tool: --timeout需要一个大于0的秒数。</translation>
    </message>
    <message>
        <source>ca-tool: unknown option %1.</source>
        <translation>ca-tool: 未知选项%1。</translation>
    </message>
    <message>
        <source>give the application file with --from FILE.json.</source>
        <translation>请用--from 文件.json 指定申请文件。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2.</source>
        <translation>无法读取文件%1：%2。</translation>
    </message>
    <message>
        <source>The file %1 is not a JSON object (%2). Check its syntax.</source>
        <translation>文件%1不是JSON对象（%2）。请检查其语法。</translation>
    </message>
    <message>
        <source>Application %1 (%2), version %3</source>
        <translation>申请%1（%2），版本%3</translation>
    </message>
    <message>
        <source>  organization: %1</source>
        <translation>  单位：%1</translation>
    </message>
    <message>
        <source>  fee: %1 yuan</source>
        <translation>  费用：%1元</translation>
    </message>
    <message>
        <source>  review: %1, payment: %2, handling: %3</source>
        <translation>  审核：%1，支付：%2，办理：%3</translation>
    </message>
    <message>
        <source>  attachment %1: %2 (%3 bytes)</source>
        <translation>  电子件%1：%2（%3字节）</translation>
    </message>
    <message>
        <source>name a subcommand.</source>
        <translation>请指定一个子命令。</translation>
    </message>
    <message numerus="yes">
        <source>&apos;%1&apos; takes %n argument(s).</source>
        <translation>
            <numerusform>“%1”需要%n个参数。</numerusform>
        </translation>
    </message>
    <message>
        <source>pay needs --channel bank, alipay or wechat.</source>
        <translation>pay需要--channel bank、alipay或wechat。</translation>
    </message>
    <message>
        <source>submit needs --comment TEXT (the opinion shown to the reviewer).</source>
        <translation>submit需要--comment 文字（提交给审核人员的意见）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs -o FILE.</source>
        <translation>“%1”需要-o 文件。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs --from FILE.json.</source>
        <translation>“%1”需要--from 文件.json。</translation>
    </message>
    <message>
        <source>--wait and --timeout belong to &apos;status&apos;.</source>
        <translation>--wait和--timeout只用于“status”。</translation>
    </message>
    <message>
        <source>--timeout needs --wait.</source>
        <translation>--timeout需要与--wait一起使用。</translation>
    </message>
    <message>
        <source>unknown subcommand &apos;%1&apos;.</source>
        <translation>未知子命令“%1”。</translation>
    </message>
    <message>
        <source>No applications.</source>
        <translation>没有申请。</translation>
    </message>
    <message>
        <source>Created application %1.</source>
        <translation>已创建申请%1。</translation>
    </message>
    <message>
        <source>Saved application %1 (version %2).</source>
        <translation>已保存申请%1（版本%2）。</translation>
    </message>
    <message>
        <source>Deleted application %1.</source>
        <translation>已删除申请%1。</translation>
    </message>
    <message>
        <source>Uploaded %1 as attachment %2 (%3 bytes, sha256 %4).</source>
        <translation>已将%1上传为电子件%2（%3字节，sha256 %4）。</translation>
    </message>
    <message>
        <source>Order %1: %2 yuan by %3, status %4, expires at %5.</source>
        <translation>订单%1：%2元，支付方式%3，状态%4，过期时间%5。</translation>
    </message>
    <message numerus="yes">
        <source>Scan this code with WeChat within %n second(s):</source>
        <translation>
            <numerusform>请在%n秒内用微信扫描此二维码：</numerusform>
        </translation>
    </message>
    <message>
        <source>Pay at: %1</source>
        <translation>支付地址：%1</translation>
    </message>
    <message>
        <source>%1 changed from %2 to %3.</source>
        <translation>%1已从%2变为%3。</translation>
    </message>
    <message>
        <source>review: %1, payment: %2, handling: %3</source>
        <translation>审核：%1，支付：%2，办理：%3</translation>
    </message>
    <message numerus="yes">
        <source>ca-tool: no status changed within %n second(s).</source>
        <translation>
            <numerusform>ca-tool: %n秒内没有状态变化。</numerusform>
        </translation>
    </message>
    <message>
        <source>Submitted application %1; review status: %2.</source>
        <translation>已提交申请%1；审核状态：%2。</translation>
    </message>
    <message>
        <source>Confirmed the receipt of the key for application %1.</source>
        <translation>已确认签收申请%1的CA锁。</translation>
    </message>
    <message>
        <source>Saved the e-invoice to %1.</source>
        <translation>电子发票已保存到%1。</translation>
    </message>
    <message>
        <source>Saved the template %1 to %2.</source>
        <translation>模板%1已保存到%2。</translation>
    </message>
</context>
<context>
    <name>ApplicationDetailsDialog</name>
    <message>
        <source>Application details</source>
        <translation>申请详情</translation>
    </message>
    <message>
        <source>01 Order information</source>
        <translation>01 订单信息</translation>
    </message>
    <message>
        <source>Invoice information</source>
        <translation>开票信息</translation>
    </message>
    <message>
        <source>CA application documents</source>
        <translation>CA办理电子件</translation>
    </message>
    <message>
        <source>Uploaded documents</source>
        <translation>已上传的电子件</translation>
    </message>
    <message>
        <source>Approval record</source>
        <translation>流程审批记录</translation>
    </message>
    <message>
        <source>Payment record</source>
        <translation>支付记录</translation>
    </message>
    <message>
        <source>&amp;Download e-invoice…</source>
        <translation>下载电子发票(&amp;D)…</translation>
    </message>
    <message>
        <source>Download the e-invoice</source>
        <translation>下载电子发票</translation>
    </message>
    <message>
        <source>Pre&amp;view e-invoice</source>
        <translation>预览电子发票(&amp;V)</translation>
    </message>
    <message>
        <source>Preview the e-invoice</source>
        <translation>预览电子发票</translation>
    </message>
    <message>
        <source>Handling record</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>&amp;Confirm receipt</source>
        <translation>确认签收(&amp;C)</translation>
    </message>
    <message>
        <source>Confirm that the mailed key has arrived</source>
        <translation>确认已收到邮寄的CA锁</translation>
    </message>
    <message>
        <source>Details message</source>
        <translation>详情提示信息</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Load the details again from the platform</source>
        <translation>从平台重新加载详情</translation>
    </message>
</context>
<context>
    <name>ConfigCommand</name>
    <message>
        <source>unknown option &apos;%1&apos;.</source>
        <translation>未知选项“%1”。</translation>
    </message>
    <message>
        <source>Platform server</source>
        <translation>平台服务器</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA证书文件</translation>
    </message>
    <message>
        <source>PKCS#11 module</source>
        <translation>PKCS#11模块</translation>
    </message>
    <message>
        <source>Machine-wide settings (read in this order):</source>
        <translation>本机统一设置（按此顺序读取）：</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1（来自 %2）</translation>
    </message>
</context>
<context>
    <name>Error</name>
    <message>
        <source>The USB key driver (PKCS#11 library) could not be loaded. Install the driver that came with your USB key, or choose its library in the settings.</source>
        <translation>无法加载CA锁驱动（PKCS#11库）。请安装CA锁随附的驱动程序，或在设置中选择驱动库文件。</translation>
    </message>
    <message>
        <source>No USB key driver (PKCS#11 library) was found on this computer. Install the driver that came with your USB key, or choose its library in the settings.</source>
        <translation>本机未找到CA锁驱动（PKCS#11库）。请安装CA锁随附的驱动程序，或在设置中选择驱动库文件。</translation>
    </message>
    <message>
        <source>The PIN is incorrect. Check the PIN of your USB key and enter it again; too many wrong PINs lock the key.</source>
        <translation>PIN码不正确。请核对CA锁的PIN码后重新输入；错误次数过多会锁定CA锁。</translation>
    </message>
    <message>
        <source>The PIN of the USB key is locked after too many wrong tries. Apply for a PIN reset to unlock it.</source>
        <translation>PIN码输错次数过多，CA锁的PIN码已被锁定。请申请重置PIN码以解锁。</translation>
    </message>
    <message>
        <source>The new PIN is too short or too long for this USB key. Choose a PIN whose length the key accepts.</source>
        <translation>新PIN码的长度不符合该CA锁的要求。请设置长度符合要求的PIN码。</translation>
    </message>
    <message>
        <source>The USB key does not accept this PIN because of its characters or strength. Choose another PIN.</source>
        <translation>该CA锁不接受此PIN码（字符或强度不符合要求）。请另设一个PIN码。</translation>
    </message>
    <message>
        <source>The PIN of the USB key has expired. Change the PIN before using the key.</source>
        <translation>CA锁的PIN码已过期。请先修改PIN码再使用CA锁。</translation>
    </message>
    <message>
        <source>The two new PINs are not the same. Enter the new PIN twice exactly the same way.</source>
        <translation>两次输入的新PIN码不一致。请两次输入完全相同的新PIN码。</translation>
    </message>
    <message>
        <source>The USB key was removed or is not responding. Insert the USB key again and repeat the step.</source>
        <translation>CA锁已被拔出或没有响应。请重新插入CA锁后再执行此步骤。</translation>
    </message>
    <message>
        <source>The USB key needs the PIN for this step. Enter the PIN and repeat the step.</source>
        <translation>此步骤需要CA锁的PIN码。请输入PIN码后再执行此步骤。</translation>
    </message>
    <message>
        <source>This USB key does not support the requested operation. Use a USB key issued for this platform or contact the certificate centre.</source>
        <translation>该CA锁不支持所请求的操作。请使用为本平台签发的CA锁，或联系CA中心。</translation>
    </message>
    <message>
        <source>The USB key reported a device error. Remove and insert the key, then repeat the step; if it happens again, contact the certificate centre.</source>
        <translation>CA锁报告设备错误。请拔出后重新插入CA锁，再执行此步骤；如仍出现此问题，请联系CA中心。</translation>
    </message>
    <message>
        <source>The USB key is write-protected, so nothing can be stored on it. Use a key that is not write-protected or contact the certificate centre.</source>
        <translation>CA锁处于写保护状态，无法写入任何内容。请使用未写保护的CA锁，或联系CA中心。</translation>
    </message>
    <message>
        <source>The USB key was not found. Insert the USB key, or check the label or serial number you gave.</source>
        <translation>未找到CA锁。请插入CA锁，或检查所填的标签或序列号。</translation>
    </message>
    <message>
        <source>More than one USB key is inserted. Remove the other keys or choose the key by its label or serial number.</source>
        <translation>插入了不止一个CA锁。请拔出其他CA锁，或按标签或序列号选择要使用的CA锁。</translation>
    </message>
    <message>
        <source>The USB key holds no matching private key. Choose another key identifier or generate a key pair first.</source>
        <translation>CA锁中没有匹配的私钥。请选择其他密钥标识，或先生成密钥对。</translation>
    </message>
    <message>
        <source>The file is not a valid X.509 certificate. Choose the certificate file you received from the certificate centre.</source>
        <translation>该文件不是有效的X.509证书。请选择从CA中心获得的证书文件。</translation>
    </message>
    <message>
        <source>The certificate does not belong to any key on this USB key. Insert the USB key the certificate was issued for.</source>
        <translation>该证书与此CA锁中的任何密钥都不对应。请插入该证书所签发给的CA锁。</translation>
    </message>
    <message>
        <source>The USB key produced data that did not verify, so nothing was changed. Repeat the step; if it fails again, contact the certificate centre.</source>
        <translation>CA锁生成的数据未通过校验，因此未做任何更改。请重新执行此步骤；如再次失败，请联系CA中心。</translation>
    </message>
    <message>
        <source>The request to the USB key was incomplete or malformed. Check the values you entered and repeat the step.</source>
        <translation>发送给CA锁的请求不完整或格式有误。请检查所填内容后再执行此步骤。</translation>
    </message>
    <message>
        <source>The operation was cancelled before anything on the USB key was changed.</source>
        <translation>操作已取消，CA锁中的内容未做任何更改。</translation>
    </message>
    <message>
        <source>The USB key reported an unexpected error. Repeat the step; if it fails again, contact the certificate centre with the log file.</source>
        <translation>CA锁报告了意外错误。请重新执行此步骤；如再次失败，请携带日志文件联系CA中心。</translation>
    </message>
    <message>
        <source>The platform&apos;s unlock authorisation does not fit this USB key, so nothing was changed. Do not try the PIN reset again: each try uses up one of the key&apos;s few administrator tries. Call the CA centre.</source>
        <translation>平台下发的解锁授权与此CA锁不匹配，未作任何更改。请不要再次尝试重置PIN码：每次尝试都会消耗CA锁为数不多的管理员尝试次数。请致电CA中心。</translation>
    </message>
    <message>
        <source>The administrator PIN of this USB key is locked or has only one try left, so the PIN cannot be reset here and nothing was changed. Call the CA centre.</source>
        <translation>此CA锁的管理员PIN码已锁定或只剩最后一次尝试机会，无法在此重置PIN码，未作任何更改。请致电CA中心。</translation>
    </message>
    <message>
        <source>This USB key&apos;s PIN pad did not accept the unlock sent from the computer, so nothing was changed. Call the CA centre to have the PIN reset.</source>
        <translation>此CA锁的密码键盘不接受从电脑发送的解锁信息，未作任何更改。请致电CA中心重置PIN码。</translation>
    </message>
    <message>
        <source>The key pair on the USB key has no identifier, so a certificate cannot be written next to it safely and nothing was changed. Contact the CA centre.</source>
        <translation>CA锁中的密钥对没有标识，无法安全地在其旁写入证书，未作任何更改。请联系CA中心。</translation>
    </message>
</context>
<context>
    <name>FieldSealer</name>
    <message>
        <source>The protection key of the local draft store (%1) cannot be read or created. Check that the folder is writable by you, then start the program again.</source>
        <translation>无法读取或创建本地草稿库的保护密钥（%1）。请确认您对该文件夹有写入权限，然后重新启动程序。</translation>
    </message>
    <message>
        <source>A confidential field of the draft could not be encrypted, so the draft was not saved. Try again; if it keeps failing, restart the program.</source>
        <translation>草稿中的保密字段无法加密，因此草稿未保存。请重试；如果一直失败，请重新启动程序。</translation>
    </message>
    <message>
        <source>A confidential field of a saved draft (the bank account number) cannot be decrypted; please enter it again.</source>
        <translation>已保存草稿中的保密字段（银行账号）无法解密，请重新填写。</translation>
    </message>
</context>
<context>
    <name>FieldValidator</name>
    <message>
        <source>The unified social credit code is empty. Enter the 18-character code printed on the unit&apos;s business licence.</source>
        <translation>统一社会信用代码未填写。请填写单位营业执照上的18位统一社会信用代码。</translation>
    </message>
    <message>
        <source>The unified social credit code must have exactly 18 characters, but the value entered has %1. Copy the code exactly from the business licence.</source>
        <translation>统一社会信用代码应为18位，当前填写的是%1位。请按营业执照上的代码逐位填写。</translation>
    </message>
    <message>
        <source>The unified social credit code contains the character &apos;%1&apos; at position %2, which is not allowed: the code has only digits and capital letters. Remove the character or correct it.</source>
        <translation>统一社会信用代码第%2位的字符“%1”不允许使用：代码只由数字和大写字母组成。请删除或改正该字符。</translation>
    </message>
    <message>
        <source>The unified social credit code contains the letter &apos;%1&apos; at position %2, but the letters I, O, S, V and Z never occur in these codes. It is probably the digit %3; copy the code exactly from the business licence.</source>
        <translation>统一社会信用代码第%2位是字母“%1”，但统一社会信用代码中不会出现字母I、O、S、V、Z，这里很可能是数字%3。请按营业执照上的代码逐位填写。</translation>
    </message>
    <message>
        <source>The unified social credit code contains the letter &apos;%1&apos; at position %2, but the letters I, O, S, V and Z never occur in these codes. Copy the code exactly from the business licence.</source>
        <translation>统一社会信用代码第%2位是字母“%1”，但统一社会信用代码中不会出现字母I、O、S、V、Z。请按营业执照上的代码逐位填写。</translation>
    </message>
    <message>
        <source>The unified social credit code has the letter &apos;%1&apos; at position %2, but positions 3 to 8 are the administrative division code and must be digits. Copy the code exactly from the business licence.</source>
        <translation>统一社会信用代码第%2位是字母“%1”，但第3至8位是行政区划码，只能是数字。请按营业执照上的代码逐位填写。</translation>
    </message>
    <message>
        <source>The unified social credit code is not valid: its last character (the check character) does not match the first 17 characters, so the code contains a typo. Copy the code exactly from the business licence.</source>
        <translation>统一社会信用代码无效：最后一位（校验码）与前17位不符，代码中有填写错误。请按营业执照上的代码逐位填写。</translation>
    </message>
    <message>
        <source>The unified social credit code is not valid: characters 9 to 17 are the organization code, and its check digit (character 17) does not match characters 9 to 16. Copy the code exactly from the business licence.</source>
        <translation>统一社会信用代码无效：第9至17位是组织机构代码，其校验码（第17位）与第9至16位不符。请按营业执照上的代码逐位填写。</translation>
    </message>
    <message>
        <source>The tax ID is empty. Enter the unit&apos;s tax ID, normally its 18-character unified social credit code.</source>
        <translation>税号未填写。请填写单位的税号，通常就是18位统一社会信用代码。</translation>
    </message>
    <message>
        <source>The tax ID contains the character &apos;%1&apos; at position %2, but a tax ID has only digits and capital letters. Remove the character or correct it.</source>
        <translation>税号第%2位的字符“%1”不允许使用：税号只由数字和大写字母组成。请删除或改正该字符。</translation>
    </message>
    <message>
        <source>The tax ID has %1 characters, but a tax ID has 15, 17, 18 or 20. Copy it exactly from the business licence or the tax registration certificate.</source>
        <translation>税号当前为%1位，但税号应为15、17、18或20位。请按营业执照或税务登记证逐位填写。</translation>
    </message>
    <message>
        <source>The tax ID looks like a resident ID number, but its last character (the check digit) does not match the first 17 digits. Copy the number exactly from the identity card.</source>
        <translation>税号看起来是居民身份证号码，但最后一位（校验码）与前17位不符。请按身份证逐位填写。</translation>
    </message>
    <message>
        <source>The tax ID has 18 characters, so it must be the unit&apos;s unified social credit code, but it contains the letter &apos;%1&apos; at position %2, which never occurs in these codes. Copy the tax ID exactly from the business licence.</source>
        <translation>18位的税号应为单位的统一社会信用代码，但第%2位是字母“%1”，统一社会信用代码中不会出现该字母。请按营业执照逐位填写税号。</translation>
    </message>
    <message>
        <source>The tax ID has 18 characters, so it must be the unit&apos;s unified social credit code, but it has the letter &apos;%1&apos; at position %2, where the administrative division code (positions 3 to 8) needs digits. Copy the tax ID exactly from the business licence.</source>
        <translation>18位的税号应为单位的统一社会信用代码，但第%2位是字母“%1”，而第3至8位是行政区划码，只能是数字。请按营业执照逐位填写税号。</translation>
    </message>
    <message>
        <source>The tax ID has 18 characters, so it must be a unified social credit code or a resident ID number, but its last character (the check character) does not match the first 17. Copy the tax ID exactly from the business licence.</source>
        <translation>18位的税号应为统一社会信用代码或居民身份证号码，但最后一位（校验码）与前17位不符。请按营业执照逐位填写税号。</translation>
    </message>
    <message>
        <source>The tax ID has 18 characters, so it must be a unified social credit code, but characters 9 to 17 (the organization code) do not match their own check digit. Copy the tax ID exactly from the business licence.</source>
        <translation>18位的税号应为统一社会信用代码，但第9至17位（组织机构代码）与其校验码不符。请按营业执照逐位填写税号。</translation>
    </message>
    <message>
        <source>The mobile number is empty. Enter an 11-digit mobile number that starts with 1, for example 13812345678.</source>
        <translation>手机号码未填写。请填写以1开头的11位手机号码，例如13812345678。</translation>
    </message>
    <message>
        <source>The mobile number contains the character &apos;%1&apos;, but a mobile number has only digits. Remove the character.</source>
        <translation>手机号码中含有字符“%1”，但手机号码只能由数字组成。请删除该字符。</translation>
    </message>
    <message>
        <source>The mobile number has %1 digits, but a mobile number in mainland China has 11. Check for a missing or extra digit.</source>
        <translation>手机号码当前为%1位，但中国大陆手机号码为11位。请检查是否少填或多填了数字。</translation>
    </message>
    <message>
        <source>The mobile number starts with 0 like a landline number. Enter an 11-digit mobile number that starts with 1, for example 13812345678.</source>
        <translation>手机号码以0开头，像是固定电话号码。请填写以1开头的11位手机号码，例如13812345678。</translation>
    </message>
    <message>
        <source>The mobile number starts with %1, but mobile numbers in mainland China start with 13 to 19. Enter an 11-digit mobile number, for example 13812345678.</source>
        <translation>手机号码以%1开头，但中国大陆手机号码以13至19开头。请填写11位手机号码，例如13812345678。</translation>
    </message>
    <message>
        <source>The landline number is empty. Enter the number with its area code, for example 053167880028, or a 400 or 800 number.</source>
        <translation>固定电话未填写。请填写带区号的电话号码，例如053167880028，或填写400、800号码。</translation>
    </message>
    <message>
        <source>The landline number contains the character &apos;%1&apos;, but a landline number has only digits (an extension may follow after 转 or ext). Remove the character.</source>
        <translation>固定电话中含有字符“%1”，但电话号码只能由数字组成（分机号可写在“转”或ext之后）。请删除该字符。</translation>
    </message>
    <message>
        <source>The landline number has %1 digits after the area code %2, but a local number has 7 or 8. Check for a missing or extra digit.</source>
        <translation>固定电话在区号%2之后有%1位数字，但本地号码应为7位或8位。请检查是否少填或多填了数字。</translation>
    </message>
    <message>
        <source>The landline number starts with %1 like a 400 or 800 service number, but it has %2 digits instead of 10. Check for a missing or extra digit.</source>
        <translation>固定电话以%1开头，是400或800服务号码，但它有%2位而不是10位。请检查是否少填或多填了数字。</translation>
    </message>
    <message>
        <source>The extension of the landline number must have 1 to 6 digits. Write it after 转 or ext, for example 053167880028转801.</source>
        <translation>固定电话的分机号应为1至6位数字。请写在“转”或ext之后，例如053167880028转801。</translation>
    </message>
    <message>
        <source>The landline number looks like a mobile number. Enter a landline number with its area code here, for example 053167880028.</source>
        <translation>此处填写的像是手机号码。请在这里填写带区号的固定电话，例如053167880028。</translation>
    </message>
    <message>
        <source>The landline number has no area code. Put the area code in front of the number, for example 0531 for Jinan: 053167880028.</source>
        <translation>固定电话缺少区号。请在号码前加上区号，例如济南的区号0531：053167880028。</translation>
    </message>
    <message>
        <source>The phone number is empty. Enter a mobile number (11 digits starting with 1) or a landline number with its area code, for example 053167880028.</source>
        <translation>联系电话未填写。请填写手机号码（以1开头的11位数字）或带区号的固定电话，例如053167880028。</translation>
    </message>
    <message>
        <source>The phone number contains the character &apos;%1&apos;, but a phone number has only digits (an extension may follow after 转 or ext). Remove the character.</source>
        <translation>联系电话中含有字符“%1”，但电话号码只能由数字组成（分机号可写在“转”或ext之后）。请删除该字符。</translation>
    </message>
    <message>
        <source>The phone number starts with 1 like a mobile number but has %1 digits instead of 11. Check for a missing or extra digit, or enter a landline number with its area code.</source>
        <translation>联系电话以1开头，像是手机号码，但它有%1位而不是11位。请检查是否少填或多填了数字，或改填带区号的固定电话。</translation>
    </message>
    <message>
        <source>The phone number has %1 digits after the area code %2, but a local number has 7 or 8. Check for a missing or extra digit.</source>
        <translation>联系电话在区号%2之后有%1位数字，但本地号码应为7位或8位。请检查是否少填或多填了数字。</translation>
    </message>
    <message>
        <source>The phone number starts with %1 like a 400 or 800 service number, but it has %2 digits instead of 10. Check for a missing or extra digit.</source>
        <translation>联系电话以%1开头，是400或800服务号码，但它有%2位而不是10位。请检查是否少填或多填了数字。</translation>
    </message>
    <message>
        <source>The extension of the phone number must have 1 to 6 digits. Write it after 转 or ext, for example 053167880028转801.</source>
        <translation>联系电话的分机号应为1至6位数字。请写在“转”或ext之后，例如053167880028转801。</translation>
    </message>
    <message>
        <source>The phone number is neither a mobile number (11 digits starting with 13 to 19) nor a landline number with its area code (for example 053167880028). Check the number and add the area code if it is missing.</source>
        <translation>联系电话既不是手机号码（以13至19开头的11位数字），也不是带区号的固定电话（例如053167880028）。请检查号码，缺少区号的请补上区号。</translation>
    </message>
    <message>
        <source>The bank account number is empty. Enter the number of the unit&apos;s bank account, digits only.</source>
        <translation>银行账号未填写。请填写单位的银行账号，只填数字。</translation>
    </message>
    <message>
        <source>The bank account number contains the character &apos;%1&apos;, but an account number has only digits. Remove the character.</source>
        <translation>银行账号中含有字符“%1”，但银行账号只能由数字组成。请删除该字符。</translation>
    </message>
    <message>
        <source>The bank account number has only %1 digits, but bank account numbers have at least %2. Copy the number exactly from the account opening permit or a bank statement.</source>
        <translation>银行账号只有%1位，但银行账号至少有%2位。请按开户许可证或银行对账单逐位填写。</translation>
    </message>
    <message>
        <source>The bank account number has %1 digits, but bank account numbers have at most %2. Check for extra digits.</source>
        <translation>银行账号有%1位，但银行账号最多%2位。请检查是否多填了数字。</translation>
    </message>
    <message>
        <source>The bank account number is a run of consecutive or repeated digits, which is sample data and not a real account. Enter the unit&apos;s actual bank account number.</source>
        <translation>银行账号是一串连续或重复的数字，属于示例数据，不是真实账号。请填写单位真实的银行账号。</translation>
    </message>
    <message>
        <source>The quantity is empty. Enter how many USB keys you need, a whole number from 1 to 99.</source>
        <translation>CA数量未填写。请填写需要办理的CA锁数量，为1至99之间的整数。</translation>
    </message>
    <message>
        <source>The quantity %1 is not a whole number. Enter how many USB keys you need, a whole number from 1 to 99.</source>
        <translation>CA数量%1不是整数。请填写需要办理的CA锁数量，为1至99之间的整数。</translation>
    </message>
    <message>
        <source>The quantity contains the character &apos;%1&apos;, but it must be a whole number from 1 to 99. Enter digits only.</source>
        <translation>CA数量中含有字符“%1”，但数量必须是1至99之间的整数。请只填写数字。</translation>
    </message>
    <message>
        <source>The quantity must be at least 1. Enter how many USB keys you need.</source>
        <translation>CA数量至少为1。请填写需要办理的CA锁数量。</translation>
    </message>
    <message>
        <source>The quantity %1 is more than 99, the most one application can order. Enter a number from 1 to 99 and apply again for more.</source>
        <translation>CA数量%1超过了99，一次申请最多办理99个。请填写1至99之间的数量，如需更多请另行申请。</translation>
    </message>
    <message>
        <source>The unit name is empty. Enter the unit&apos;s full name as printed on the business licence.</source>
        <translation>单位名称未填写。请按营业执照填写单位全称。</translation>
    </message>
    <message>
        <source>The unit name has %1 characters, but at most %2 are allowed. Enter the registered name without additions.</source>
        <translation>单位名称有%1个字符，最多允许%2个。请只填写登记的单位名称，不要附加其他内容。</translation>
    </message>
    <message>
        <source>The unit name contains no Chinese characters or letters. Enter the unit&apos;s full name as printed on the business licence.</source>
        <translation>单位名称中没有汉字或字母。请按营业执照填写单位全称。</translation>
    </message>
    <message>
        <source>The unit name contains a space at position %1. Remove it: the name is written without spaces.</source>
        <translation>单位名称第%1个字符是空格。请删除空格：单位名称中不能有空格。</translation>
    </message>
    <message>
        <source>The unit name contains the character &apos;%1&apos; at position %2, which is not allowed. Remove it: only Chinese characters, letters, digits, parentheses and the middle dot (·) may be used.</source>
        <translation>单位名称第%2个字符“%1”不允许使用。请删除该字符：只能使用汉字、字母、数字、括号和间隔号（·）。</translation>
    </message>
    <message>
        <source>The unit name contains an invisible character (%1) at position %2. Remove it, for example by typing the name again instead of pasting it.</source>
        <translation>单位名称第%2个字符是不可见字符（%1）。请删除该字符，例如重新手动输入名称而不是粘贴。</translation>
    </message>
    <message>
        <source>The invoice title is empty. Enter the name to print on the invoice, normally the unit&apos;s full name.</source>
        <translation>开票单位名称未填写。请填写发票上的抬头名称，通常为单位全称。</translation>
    </message>
    <message>
        <source>The invoice title has %1 characters, but at most %2 are allowed. Enter the unit&apos;s registered name without additions.</source>
        <translation>开票单位名称有%1个字符，最多允许%2个。请只填写登记的单位名称，不要附加其他内容。</translation>
    </message>
    <message>
        <source>The invoice title contains no Chinese characters or letters. Enter the name to print on the invoice, normally the unit&apos;s full name.</source>
        <translation>开票单位名称中没有汉字或字母。请填写发票上的抬头名称，通常为单位全称。</translation>
    </message>
    <message>
        <source>The invoice title contains a space at position %1. Remove it: invoice details must not contain spaces.</source>
        <translation>开票单位名称第%1个字符是空格。请删除空格：开票信息中不能有空格。</translation>
    </message>
    <message>
        <source>The invoice title contains the character &apos;%1&apos; at position %2, which invoices do not accept. Remove it: only Chinese characters, letters, digits, parentheses and the middle dot (·) may be used.</source>
        <translation>开票单位名称第%2个字符“%1”是发票不接受的特殊字符。请删除该字符：只能使用汉字、字母、数字、括号和间隔号（·）。</translation>
    </message>
    <message>
        <source>The invoice title contains an invisible character (%1) at position %2. Remove it, for example by typing the title again instead of pasting it.</source>
        <translation>开票单位名称第%2个字符是不可见字符（%1）。请删除该字符，例如重新手动输入名称而不是粘贴。</translation>
    </message>
    <message>
        <source>The unit address is empty. Enter the unit&apos;s address as it should appear on the invoice.</source>
        <translation>单位地址未填写。请填写发票上要显示的单位地址。</translation>
    </message>
    <message>
        <source>The unit address has %1 characters, but at most %2 are allowed. Shorten the address.</source>
        <translation>单位地址有%1个字符，最多允许%2个。请精简地址。</translation>
    </message>
    <message>
        <source>The unit address contains no Chinese characters or letters. Enter the full address with city, street and building.</source>
        <translation>单位地址中没有汉字或字母。请填写包括城市、街道和楼号的完整地址。</translation>
    </message>
    <message>
        <source>The unit address contains a space at position %1. Remove it: invoice details must not contain spaces.</source>
        <translation>单位地址第%1个字符是空格。请删除空格：开票信息中不能有空格。</translation>
    </message>
    <message>
        <source>The unit address contains the character &apos;%1&apos; at position %2, which invoices do not accept. Remove it or write it in words, for example 3号楼 instead of 3#.</source>
        <translation>单位地址第%2个字符“%1”是发票不接受的特殊字符。请删除该字符或改用文字表达，例如用“3号楼”代替“3#”。</translation>
    </message>
    <message>
        <source>The unit address contains an invisible character (%1) at position %2. Remove it, for example by typing the address again instead of pasting it.</source>
        <translation>单位地址第%2个字符是不可见字符（%1）。请删除该字符，例如重新手动输入地址而不是粘贴。</translation>
    </message>
    <message>
        <source>The mailing address is empty. Enter the address the USB key should be sent to.</source>
        <translation>邮寄地址未填写。请填写CA锁的邮寄地址。</translation>
    </message>
    <message>
        <source>The mailing address has %1 characters, but at most %2 are allowed. Shorten the address.</source>
        <translation>邮寄地址有%1个字符，最多允许%2个。请精简地址。</translation>
    </message>
    <message>
        <source>The mailing address contains no Chinese characters or letters. Enter the full address with city, street and building.</source>
        <translation>邮寄地址中没有汉字或字母。请填写包括城市、街道和楼号的完整地址。</translation>
    </message>
    <message>
        <source>The mailing address contains a space at position %1. Remove it: the address is written without spaces.</source>
        <translation>邮寄地址第%1个字符是空格。请删除空格：地址中不能有空格。</translation>
    </message>
    <message>
        <source>The mailing address contains the character &apos;%1&apos; at position %2, which is not allowed. Remove it or write it in words, for example 3号楼 instead of 3#.</source>
        <translation>邮寄地址第%2个字符“%1”不允许使用。请删除该字符或改用文字表达，例如用“3号楼”代替“3#”。</translation>
    </message>
    <message>
        <source>The mailing address contains an invisible character (%1) at position %2. Remove it, for example by typing the address again instead of pasting it.</source>
        <translation>邮寄地址第%2个字符是不可见字符（%1）。请删除该字符，例如重新手动输入地址而不是粘贴。</translation>
    </message>
    <message>
        <source>The bank name is empty. Enter the full name of the bank branch where the unit&apos;s account is held.</source>
        <translation>开户银行未填写。请填写单位账户所在银行网点的全称。</translation>
    </message>
    <message>
        <source>The bank name has %1 characters, but at most %2 are allowed. Enter only the name of the bank branch.</source>
        <translation>开户银行有%1个字符，最多允许%2个。请只填写开户银行网点的名称。</translation>
    </message>
    <message>
        <source>The bank name contains no Chinese characters or letters. Enter the name of the bank branch here, not the account number.</source>
        <translation>开户银行中没有汉字或字母。此处请填写开户银行网点的名称，而不是银行账号。</translation>
    </message>
    <message>
        <source>The bank name contains a space at position %1. Remove it: invoice details must not contain spaces.</source>
        <translation>开户银行第%1个字符是空格。请删除空格：开票信息中不能有空格。</translation>
    </message>
    <message>
        <source>The bank name contains the character &apos;%1&apos; at position %2, which invoices do not accept. Remove it: only Chinese characters, letters, digits and parentheses may be used.</source>
        <translation>开户银行第%2个字符“%1”是发票不接受的特殊字符。请删除该字符：只能使用汉字、字母、数字和括号。</translation>
    </message>
    <message>
        <source>The bank name contains an invisible character (%1) at position %2. Remove it, for example by typing the name again instead of pasting it.</source>
        <translation>开户银行第%2个字符是不可见字符（%1）。请删除该字符，例如重新手动输入名称而不是粘贴。</translation>
    </message>
    <message>
        <source>The recipient name is empty. Enter the name of the person who will receive the USB key.</source>
        <translation>收件人姓名未填写。请填写接收CA锁的人员姓名。</translation>
    </message>
    <message>
        <source>The recipient name has %1 characters, but at most %2 are allowed. Enter only the person&apos;s name.</source>
        <translation>收件人姓名有%1个字符，最多允许%2个。请只填写收件人的姓名。</translation>
    </message>
    <message>
        <source>The recipient name contains no Chinese characters or letters. Enter the name of the person who will receive the USB key.</source>
        <translation>收件人姓名中没有汉字或字母。请填写接收CA锁的人员姓名。</translation>
    </message>
    <message>
        <source>The recipient name contains a space at position %1. Remove it: only a name in Latin letters may have single spaces between its words.</source>
        <translation>收件人姓名第%1个字符是空格。请删除空格：只有用拉丁字母书写的姓名才可以在单词之间各留一个空格。</translation>
    </message>
    <message>
        <source>The recipient name contains the character &apos;%1&apos; at position %2, which is not allowed. Remove it: only Chinese characters, letters, the middle dot (·) and parentheses may be used.</source>
        <translation>收件人姓名第%2个字符“%1”不允许使用。请删除该字符：只能使用汉字、字母、间隔号（·）和括号。</translation>
    </message>
    <message>
        <source>The recipient name contains an invisible character (%1) at position %2. Remove it, for example by typing the name again instead of pasting it.</source>
        <translation>收件人姓名第%2个字符是不可见字符（%1）。请删除该字符，例如重新手动输入姓名而不是粘贴。</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Landline number</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Bank account number</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>CA数量</translation>
    </message>
    <message>
        <source>Invoice title</source>
        <translation>开票单位名称</translation>
    </message>
    <message>
        <source>Unit address</source>
        <translation>单位地址</translation>
    </message>
    <message>
        <source>Bank name</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Recipient name</source>
        <translation>收件人姓名</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Mailing address</source>
        <translation>邮寄地址</translation>
    </message>
</context>
<context>
    <name>LocalStore</name>
    <message>
        <source>The local draft store %1 cannot be opened. Check that the folder exists and is writable by you and that the disk is not full, then start the program again.</source>
        <translation>无法打开本地草稿库%1。请确认文件夹存在、您有写入权限且磁盘未满，然后重新启动程序。</translation>
    </message>
    <message>
        <source>The local draft store is not open; restart the program.</source>
        <translation>本地草稿库未打开，请重新启动程序。</translation>
    </message>
    <message>
        <source>The local draft store was used from the wrong thread; please report this error.</source>
        <translation>本地草稿库在错误的线程中被使用，请报告此错误。</translation>
    </message>
    <message>
        <source>The local draft store is busy in another window of CA Client or in ca-tool. Try again in a moment.</source>
        <translation>本地草稿库正被CA客户端的另一个窗口或ca-tool使用。请稍后重试。</translation>
    </message>
    <message>
        <source>The disk holding the local draft store is full. Free some space, then try again.</source>
        <translation>本地草稿库所在的磁盘已满。请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>The local draft store %1 is read-only. Make it writable for you, then try again.</source>
        <translation>本地草稿库%1是只读的。请为其开启写入权限后重试。</translation>
    </message>
    <message>
        <source>The local draft store %1 is damaged or not a database. Move it aside and start the program again; drafts saved on the platform are not affected.</source>
        <translation>本地草稿库%1已损坏或不是数据库文件。请将其移到别处后重新启动程序；已保存到平台上的草稿不受影响。</translation>
    </message>
    <message>
        <source>The local draft store %1 could not be read or written. Check that the disk is not full and the file is writable, then try again.</source>
        <translation>无法读写本地草稿库%1。请确认磁盘未满且文件可写，然后重试。</translation>
    </message>
    <message>
        <source>The local draft store %1 was written by a newer version of CA Client. Install the newer version again to open your drafts; this version leaves the file untouched.</source>
        <translation>本地草稿库%1由更新版本的CA客户端写入。请重新安装新版本以打开您的草稿；当前版本不会改动该文件。</translation>
    </message>
    <message>
        <source>The local draft store %1 cannot use its safe write mode (WAL) on this disk. Keep the program&apos;s data folder on a local disk, then start it again.</source>
        <translation>本地草稿库%1无法在此磁盘上使用安全写入模式（WAL）。请将程序的数据文件夹放在本地磁盘上，然后重新启动程序。</translation>
    </message>
    <message>
        <source>The local draft store %1 could not be updated to this version of CA Client; it was left as it was. Free some disk space and start the program again, or report this error.</source>
        <translation>本地草稿库%1无法升级到当前版本的CA客户端，已保持原样未做改动。请释放一些磁盘空间后重新启动程序，或报告此错误。</translation>
    </message>
    <message>
        <source>A saved draft is damaged and cannot be opened; it is kept unchanged in the local draft store. Please report this error.</source>
        <translation>一份已保存的草稿已损坏，无法打开；它仍原样保留在本地草稿库中。请报告此错误。</translation>
    </message>
    <message>
        <source>The draft has no local identifier, so it was not saved; please report this error.</source>
        <translation>该草稿没有本地标识，因此未保存，请报告此错误。</translation>
    </message>
    <message>
        <source>The draft is no longer in the local draft store; it may have been deleted in another window.</source>
        <translation>本地草稿库中已没有该草稿，它可能已在另一个窗口中被删除。</translation>
    </message>
    <message>
        <source>There is no local draft of application %1.</source>
        <translation>申请%1没有本地草稿。</translation>
    </message>
    <message>
        <source>This draft has no conflicting server copy any more; nothing to choose.</source>
        <translation>该草稿已不存在与之冲突的服务器版本，无需选择。</translation>
    </message>
    <message>
        <source>The attachment could not be recorded because its category, state or file is not valid; please report this error.</source>
        <translation>附件的类别、状态或文件无效，无法记录该附件，请报告此错误。</translation>
    </message>
    <message>
        <source>The attachment&apos;s upload state could not be recorded; please report this error.</source>
        <translation>无法记录附件的上传状态，请报告此错误。</translation>
    </message>
    <message>
        <source>The attachment is no longer in the local draft store; it may have been removed in another window.</source>
        <translation>本地草稿库中已没有该附件，它可能已在另一个窗口中被移除。</translation>
    </message>
    <message>
        <source>The payment attempt is not known to this computer; start the payment again.</source>
        <translation>本机没有这次支付的记录，请重新发起支付。</translation>
    </message>
    <message>
        <source>The payment could not be prepared because the application or the payment channel is missing; please report this error.</source>
        <translation>缺少申请或支付方式，无法准备支付，请报告此错误。</translation>
    </message>
    <message>
        <source>The payment order&apos;s state could not be recorded; please report this error.</source>
        <translation>无法记录支付订单的状态，请报告此错误。</translation>
    </message>
    <message>
        <source>This application is already paid; a payment is never undone.</source>
        <translation>该申请已支付；已完成的支付不能撤销。</translation>
    </message>
    <message>
        <source>A secret (password or PIN) must never be kept in the local store; it was not saved.</source>
        <translation>密码或PIN码等机密信息绝不能保存在本地库中，因此未保存。</translation>
    </message>
    <message>
        <source>The request could not be prepared because its operation or subject is missing; please report this error.</source>
        <translation>缺少操作或对象，无法准备该请求，请报告此错误。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to the CA platform</source>
        <translation>登录CA平台</translation>
    </message>
    <message>
        <source>Log in with the account of your unit on the procurement platform.</source>
        <translation>请使用本单位在采购平台上的账号登录。</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Change the server and other settings</source>
        <translation>更改服务器及其他设置</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Login message</source>
        <translation>登录提示信息</translation>
    </message>
    <message>
        <source>Logging in</source>
        <translation>正在登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CA Certificate Assistant</source>
        <translation>CA证书助手</translation>
    </message>
    <message>
        <source>CA Applications</source>
        <translation>CA办理</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新办(&amp;N)</translation>
    </message>
    <message>
        <source>New application</source>
        <translation>新增申请</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>修改(&amp;E)</translation>
    </message>
    <message>
        <source>Edit the selected application</source>
        <translation>修改选中的申请</translation>
    </message>
    <message>
        <source>Delete the selected application</source>
        <translation>删除选中的申请</translation>
    </message>
    <message>
        <source>S&amp;ubmit</source>
        <translation>提交信息(&amp;U)</translation>
    </message>
    <message>
        <source>Submit the selected application for review</source>
        <translation>提交选中的申请等待审核</translation>
    </message>
    <message>
        <source>&amp;Pay online</source>
        <translation>网上支付(&amp;P)</translation>
    </message>
    <message>
        <source>Pay for the selected application</source>
        <translation>为选中的申请缴费</translation>
    </message>
    <message>
        <source>View &amp;details</source>
        <translation>查看详情(&amp;D)</translation>
    </message>
    <message>
        <source>Show the details of the selected application</source>
        <translation>显示选中申请的详情</translation>
    </message>
    <message>
        <source>Show applications of type</source>
        <translation>按类别显示申请</translation>
    </message>
    <message>
        <source>Search unit, number, tracking no.</source>
        <translation>搜索单位、申请编号、快递单号</translation>
    </message>
    <message>
        <source>Search applications</source>
        <translation>搜索申请</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh the list from the platform</source>
        <translation>从平台刷新列表</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申请列表</translation>
    </message>
    <message>
        <source>CA Payment</source>
        <translation>CA支付</translation>
    </message>
    <message>
        <source>Applications to pay and paid</source>
        <translation>待支付和已支付的申请</translation>
    </message>
    <message>
        <source>My Keys</source>
        <translation>我的证书</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New application…</source>
        <translation>新增申请(&amp;N)…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>De&amp;lete application</source>
        <translation>删除申请(&amp;L)</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Pay online</source>
        <translation>网上支付</translation>
    </message>
</context>
<context>
    <name>PaymentWidget</name>
    <message>
        <source>Our organisation understands that, because of the nature of CA certificates, the fee cannot be refunded once paid.</source>
        <translation>本机构已知晓由于CA证书的特殊性，一旦缴费，不能退办。</translation>
    </message>
    <message>
        <source>Non-refund acknowledgement</source>
        <translation>不退办确认</translation>
    </message>
    <message>
        <source>Payment channel</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>&amp;Alipay</source>
        <translation>支付宝(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;WeChat Pay</source>
        <translation>微信支付(&amp;W)</translation>
    </message>
    <message>
        <source>1. &amp;Pay online</source>
        <translation>1. 网上支付(&amp;P)</translation>
    </message>
    <message>
        <source>2. &amp;Refresh payment status</source>
        <translation>2. 刷新支付状态(&amp;R)</translation>
    </message>
    <message>
        <source>Cashier address</source>
        <translation>收银台地址</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open again</source>
        <translation>重新打开(&amp;O)</translation>
    </message>
    <message>
        <source>The cashier page opens in your web browser. If no browser window appears, copy the address above and open it in your browser yourself.</source>
        <translation>收银台页面将在浏览器中打开。如果没有出现浏览器窗口，请复制上面的地址，自行在浏览器中打开。</translation>
    </message>
    <message>
        <source>Scan the code with WeChat and pay on your phone.</source>
        <translation>请用微信扫描二维码，在手机上完成支付。</translation>
    </message>
    <message>
        <source>Online ban&amp;king</source>
        <translation>网上银行(&amp;K)</translation>
    </message>
    <message>
        <source>New &amp;QR code</source>
        <translation>刷新二维码(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>PinChangeDialog</name>
    <message>
        <source>Change the PIN of the USB key</source>
        <translation>修改CA锁PIN码</translation>
    </message>
    <message>
        <source>&amp;Current PIN:</source>
        <translation>当前PIN码(&amp;C)：</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>当前PIN码</translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <translation>新PIN码(&amp;N)：</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新PIN码</translation>
    </message>
    <message>
        <source>&amp;Repeat the new PIN:</source>
        <translation>再次输入新PIN码(&amp;R)：</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>再次输入新PIN码</translation>
    </message>
    <message>
        <source>C&amp;hange PIN</source>
        <translation>修改PIN码(&amp;H)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
</context>
<context>
    <name>PinResetDialog</name>
    <message>
        <source>Reset the PIN of the USB key</source>
        <translation>重置CA锁PIN码</translation>
    </message>
    <message>
        <source>A PIN reset unlocks the key and sets a new PIN. The platform sends a verification code to the mobile number registered for your unit; with the code, the key is unlocked with its administrator PIN, which is used once and not kept. The certificates on the key stay as they are.</source>
        <translation>重置PIN码会解锁CA锁并设置新的PIN码。平台会向本单位登记的手机号码发送验证码；凭验证码，CA锁将用其管理员PIN码解锁，管理员PIN码只使用一次，不会保存。CA锁中的证书保持不变。</translation>
    </message>
    <message>
        <source>&amp;Send the verification code</source>
        <translation>发送验证码(&amp;S)</translation>
    </message>
    <message>
        <source>Verification &amp;code:</source>
        <translation>验证码(&amp;C)：</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <translation>新PIN码(&amp;N)：</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新PIN码</translation>
    </message>
    <message>
        <source>&amp;Repeat the new PIN:</source>
        <translation>再次输入新PIN码(&amp;R)：</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>再次输入新PIN码</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>Reset the &amp;PIN</source>
        <translation>重置PIN码(&amp;P)</translation>
    </message>
</context>
<context>
    <name>PinStates</name>
    <message>
        <source>The USB key has no user PIN yet. Ask the certificate centre to initialise the key.</source>
        <translation>CA锁还没有设置用户PIN码。请联系CA中心初始化CA锁。</translation>
    </message>
    <message>
        <source>The PIN of the USB key is locked after too many wrong tries. Apply for a PIN reset to unlock it.</source>
        <translation>PIN码输错次数过多，CA锁的PIN码已被锁定。请申请重置PIN码以解锁。</translation>
    </message>
    <message>
        <source>Only one try is left: the next wrong PIN locks the USB key. Enter the PIN with care.</source>
        <translation>只剩最后一次机会：再输错一次PIN码，CA锁就会被锁定。请谨慎输入。</translation>
    </message>
    <message>
        <source>A wrong PIN was entered before, so fewer tries are left. Enter the PIN with care.</source>
        <translation>之前输错过PIN码，剩余尝试次数已减少。请谨慎输入。</translation>
    </message>
    <message>
        <source>The PIN of the USB key must be changed before the key can be used. Change the PIN first.</source>
        <translation>使用CA锁之前必须修改PIN码。请先修改PIN码。</translation>
    </message>
    <message>
        <source>The USB key is not initialised, so it has no administrator PIN. Ask the certificate centre to initialise the key.</source>
        <translation>CA锁尚未初始化，因此没有管理员PIN码。请联系CA中心初始化CA锁。</translation>
    </message>
    <message>
        <source>The administrator PIN of the USB key is locked. The key cannot be reset; contact the certificate centre.</source>
        <translation>CA锁的管理员PIN码已被锁定，无法重置CA锁。请联系CA中心。</translation>
    </message>
    <message>
        <source>Only one try is left: the next wrong administrator PIN locks the USB key for good. Enter it with care.</source>
        <translation>只剩最后一次机会：再输错一次管理员PIN码，CA锁将被永久锁定。请谨慎输入。</translation>
    </message>
    <message>
        <source>A wrong administrator PIN was entered before, so fewer tries are left. Enter it with care.</source>
        <translation>之前输错过管理员PIN码，剩余尝试次数已减少。请谨慎输入。</translation>
    </message>
</context>
<context>
    <name>PlatformError</name>
    <message>
        <source>The connection to %1 was refused because its certificate is not issued by a trusted authority. Check the server address, or add the platform&apos;s CA certificate in the settings.</source>
        <translation>已拒绝连接%1：其证书不是由受信任的机构签发的。请检查服务器地址，或在设置中添加平台的CA证书。</translation>
    </message>
    <message>
        <source>The connection to %1 was refused because its certificate has expired. Check your computer&apos;s date and time, or ask the platform operator to renew the certificate.</source>
        <translation>已拒绝连接%1：其证书已过期。请检查本机的日期和时间，或请平台运营方更新证书。</translation>
    </message>
    <message>
        <source>The connection to %1 was refused because its certificate is not valid yet. Check your computer&apos;s date and time.</source>
        <translation>已拒绝连接%1：其证书尚未生效。请检查本机的日期和时间。</translation>
    </message>
    <message>
        <source>The connection to %1 was refused because its certificate was issued for a different host name. Check the server address in the settings.</source>
        <translation>已拒绝连接%1：其证书是为其他主机名签发的。请检查设置中的服务器地址。</translation>
    </message>
    <message>
        <source>The connection to %1 was refused because its certificate has been revoked. Contact the platform operator.</source>
        <translation>已拒绝连接%1：其证书已被吊销。请联系平台运营方。</translation>
    </message>
    <message>
        <source>The secure connection to %1 could not be established. Check the server address and your network.</source>
        <translation>无法与%1建立安全连接。请检查服务器地址和网络。</translation>
    </message>
    <message>
        <source>The connection to %1 was refused because its certificate could not be verified (%2). Check the server address and the CA certificate in the settings.</source>
        <translation>已拒绝连接%1：无法验证其证书（%2）。请检查设置中的服务器地址和CA证书。</translation>
    </message>
    <message>
        <source>The platform asks you to log in again. Log in and the request continues.</source>
        <translation>平台要求重新登录。登录后将继续执行该请求。</translation>
    </message>
    <message>
        <source>Your account may not do this on the platform. Log in with an account that may.</source>
        <translation>您的账号无权在平台上执行此操作。请使用有权限的账号登录。</translation>
    </message>
    <message>
        <source>The platform refused the change because the application is not in a state that allows it. Reload it and try again.</source>
        <translation>申请当前的状态不允许此项修改，平台已拒绝。请重新加载后再试。</translation>
    </message>
    <message>
        <source>The platform refused some fields. Correct the marked fields and send again.</source>
        <translation>平台拒绝了部分字段。请修改标出的字段后重新提交。</translation>
    </message>
    <message>
        <source>The platform %1 had an internal problem (HTTP %2). Try again in a few minutes.</source>
        <translation>平台%1出现内部错误（HTTP %2）。请几分钟后重试。</translation>
    </message>
    <message>
        <source>The platform does not know this item (HTTP 404). Reload the list; it may have been deleted.</source>
        <translation>平台上找不到该项（HTTP 404）。请重新加载列表，它可能已被删除。</translation>
    </message>
    <message>
        <source>The file is larger than the platform accepts. Choose a smaller file.</source>
        <translation>文件超过了平台允许的大小。请选择较小的文件。</translation>
    </message>
    <message>
        <source>The platform does not accept this type of file. Upload a PDF, JPEG or PNG file.</source>
        <translation>平台不接受此类型的文件。请上传PDF、JPEG或PNG文件。</translation>
    </message>
    <message>
        <source>The platform refused the request (HTTP %1). Try again; if it keeps failing, note request id %2 for support.</source>
        <translation>平台拒绝了该请求（HTTP %1）。请重试；如果一直失败，请记下请求编号%2并联系技术支持。</translation>
    </message>
    <message>
        <source>The platform %1 did not answer in time. Check your network connection and try again.</source>
        <translation>平台%1未能及时响应。请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>The platform %1 cannot be reached. Check your network connection and the server address, then try again.</source>
        <translation>无法连接平台%1。请检查网络连接和服务器地址，然后重试。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
</context>
<context>
    <name>PlatformLogin</name>
    <message>
        <source>Give the platform address with --server URL.</source>
        <translation>请用 --server URL 指定平台地址。</translation>
    </message>
    <message>
        <source>--server must be an https:// address, e.g. https://platform.example:8443.</source>
        <translation>--server 必须是 https:// 地址，例如 https://platform.example:8443。</translation>
    </message>
    <message>
        <source>Give the account name with --user NAME.</source>
        <translation>请用 --user 账号名 指定账号。</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1的密码：</translation>
    </message>
    <message>
        <source>  (HTTP %1, request id %2)</source>
        <translation>  （HTTP %1，请求编号%2）</translation>
    </message>
</context>
<context>
    <name>RegisterCaDialog</name>
    <message>
        <source>Register an existing CA certificate</source>
        <translation>登记已有CA证书</translation>
    </message>
    <message>
        <source>The certificate already on this USB key is read from the key and registered with the platform for your unit, so that you can sign and bid with it. Nothing on the key is changed.</source>
        <translation>从CA锁中读取已有的证书，并为贵单位在平台上登记，登记后即可用它签章和投标。CA锁中的内容不会被更改。</translation>
    </message>
    <message>
        <source>Certificate on the key</source>
        <translation>CA锁中的证书</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>证书(&amp;C)：</translation>
    </message>
    <message>
        <source>Certificate to register</source>
        <translation>要登记的证书</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Unified social credit code:</source>
        <translation>统一社会信用代码：</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Holder:</source>
        <translation>持有人：</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持有人</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>颁发者：</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>颁发者</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>序列号：</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Days left:</source>
        <translation>剩余天数：</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>&amp;Application:</source>
        <translation>申请(&amp;A)：</translation>
    </message>
    <message>
        <source>Application the certificate is registered with</source>
        <translation>登记该证书所用的申请</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Open the application</source>
        <translation>打开申请(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Register the certificate</source>
        <translation>登记证书(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
</context>
<context>
    <name>RenewalDialog</name>
    <message>
        <source>Write the certificate to the USB key</source>
        <translation>将证书写入CA锁</translation>
    </message>
    <message>
        <source>What is written</source>
        <translation>写入内容</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>申请：</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>USB key:</source>
        <translation>CA锁：</translation>
    </message>
    <message>
        <source>USB key</source>
        <translation>CA锁</translation>
    </message>
    <message>
        <source>Current certificate:</source>
        <translation>当前证书：</translation>
    </message>
    <message>
        <source>Current certificate</source>
        <translation>当前证书</translation>
    </message>
    <message>
        <source>New certificate for:</source>
        <translation>新证书颁发给：</translation>
    </message>
    <message>
        <source>New certificate for</source>
        <translation>新证书颁发给</translation>
    </message>
    <message>
        <source>Make a new &amp;key pair instead of re-certifying this key</source>
        <translation>生成新的密钥对，而不是为现有密钥重新签发证书(&amp;K)</translation>
    </message>
    <message>
        <source>Only when the current key pair must not be used any more (for example, its PIN or the key was disclosed).</source>
        <translation>仅在当前密钥对不能再使用时选择（例如PIN码或密钥已泄露）。</translation>
    </message>
    <message>
        <source>Make a new key pair</source>
        <translation>生成新的密钥对</translation>
    </message>
    <message>
        <source>I &amp;understand that bid files encrypted to the old certificate cannot be opened with the new key.</source>
        <translation>我已了解：用原证书加密的投标文件无法用新密钥打开(&amp;U)。</translation>
    </message>
    <message>
        <source>Acknowledge that old bid files cannot be opened with the new key</source>
        <translation>确认已了解原投标文件无法用新密钥打开</translation>
    </message>
    <message>
        <source>PIN of the USB key</source>
        <translation>CA锁的PIN码</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>PIN码(&amp;P)：</translation>
    </message>
    <message>
        <source>Reset the PI&amp;N…</source>
        <translation>重置PIN码(&amp;N)…</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>P&amp;IN for the retry:</source>
        <translation>重试用PIN码(&amp;I)：</translation>
    </message>
    <message>
        <source>PIN of the USB key for the retry</source>
        <translation>重试时使用的CA锁PIN码</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Write to the key</source>
        <translation>写入CA锁(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>PIN state of the USB key</source>
        <translation>CA锁的PIN码状态</translation>
    </message>
    <message>
        <source>Reset the PIN of the USB key</source>
        <translation>重置CA锁的PIN码</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>服务器地址(&amp;S)：</translation>
    </message>
    <message>
        <source>https://ca.example.cn</source>
        <translation>https://ca.example.cn</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>&amp;CA bundle:</source>
        <translation>CA证书文件(&amp;C)：</translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation>仅使用系统证书</translation>
    </message>
    <message>
        <source>CA bundle file</source>
        <translation>CA证书文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation>选择CA证书文件</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>PKCS#11 &amp;module:</source>
        <translation>PKCS#11驱动模块(&amp;M)：</translation>
    </message>
    <message>
        <source>Found automatically</source>
        <translation>自动查找</translation>
    </message>
    <message>
        <source>PKCS#11 module file</source>
        <translation>PKCS#11驱动模块文件</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
        <source>Choose the PKCS#11 module file</source>
        <translation>选择PKCS#11驱动模块文件</translation>
    </message>
    <message>
        <source>Settings message</source>
        <translation>设置提示信息</translation>
    </message>
</context>
<context>
    <name>SubmitCommentDialog</name>
    <message>
        <source>Submit the application</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <source>&amp;Comment for the CA centre (optional):</source>
        <translation>请输入意见（选填）(&amp;C)：</translation>
    </message>
    <message>
        <source>Comment for the CA centre</source>
        <translation>给CA中心的意见</translation>
    </message>
    <message>
        <source>Ctrl+Enter submits, Esc cancels.</source>
        <translation>Ctrl+Enter 提交，Esc 取消。</translation>
    </message>
</context>
<context>
    <name>Terminal</name>
    <message>
        <source>No terminal is available to ask for the password. Give it with --password-file FILE.</source>
        <translation>没有可用于输入密码的终端。请用--password-file 文件 指定密码。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2.</source>
        <translation>无法读取文件%1：%2。</translation>
    </message>
</context>
<context>
    <name>TokenCli</name>
    <message>
        <source>PINs are not accepted on the command line. Put the PIN in a file and use --pin-file, --so-pin-file or --new-pin-file, or let ca-tool ask for it.</source>
        <translation>命令行中不接受PIN码。请将PIN码写入文件并使用--pin-file、--so-pin-file或--new-pin-file，或由ca-tool提示输入。</translation>
    </message>
    <message>
        <source>The option %1 needs a value.</source>
        <translation>选项%1需要一个值。</translation>
    </message>
    <message>
        <source>An extension must be given as NAME=VALUE, for example --ext keyUsage=critical,digitalSignature.</source>
        <translation>扩展项必须写成“名称=值”的形式，例如--ext keyUsage=critical,digitalSignature。</translation>
    </message>
    <message>
        <source>The option %1 is not known. Run &apos;ca-tool token --help&apos; for the list of options.</source>
        <translation>未知选项%1。请运行“ca-tool token --help”查看选项列表。</translation>
    </message>
    <message>
        <source>The PIN file %1 cannot be read. Check the path and its permissions.</source>
        <translation>无法读取PIN码文件%1。请检查路径及其权限。</translation>
    </message>
    <message>
        <source>No terminal is available to ask for the PIN. Put the PIN in a file and give it with --pin-file (or --so-pin-file, --new-pin-file).</source>
        <translation>没有可用于输入PIN码的终端。请将PIN码写入文件，并通过--pin-file（或--so-pin-file、--new-pin-file）指定。</translation>
    </message>
    <message>
        <source>Enter the PIN on the reader&apos;s PIN pad.</source>
        <translation>请在读卡器的密码键盘上输入PIN码。</translation>
    </message>
    <message>
        <source>New PIN (%1 to %2 characters)</source>
        <translation>新PIN码（%1至%2个字符）</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>再次输入新PIN码</translation>
    </message>
    <message>
        <source>Module: %1</source>
        <translation>驱动模块：%1</translation>
    </message>
    <message>
        <source>No USB key is present.</source>
        <translation>未插入CA锁。</translation>
    </message>
    <message>
        <source>serial %1</source>
        <translation>序列号%1</translation>
    </message>
    <message>
        <source>PIN state: %1</source>
        <translation>PIN码状态：%1</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN码</translation>
    </message>
    <message>
        <source>Token: %1 (serial %2)</source>
        <translation>CA锁：%1（序列号%2）</translation>
    </message>
    <message>
        <source>Maker: %1 %2</source>
        <translation>厂商：%1 %2</translation>
    </message>
    <message>
        <source>PIN state: %1; PIN length %2 to %3</source>
        <translation>PIN码状态：%1；PIN码长度%2至%3位</translation>
    </message>
    <message>
        <source>Certificate %1 (key ID %2)</source>
        <translation>证书%1（密钥标识%2）</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>颁发者：%1</translation>
    </message>
    <message>
        <source>Serial: %1</source>
        <translation>序列号：%1</translation>
    </message>
    <message>
        <source>Valid until %1 (%2 days left)</source>
        <translation>有效期至%1（剩余%2天）</translation>
    </message>
    <message>
        <source>Unified social credit code: %1</source>
        <translation>统一社会信用代码：%1</translation>
    </message>
    <message>
        <source>Key %1 (ID %2): %3, %4 bits</source>
        <translation>密钥%1（标识%2）：%3，%4位</translation>
    </message>
    <message>
        <source>Choose the key type with --type rsa2048 or --type ec256.</source>
        <translation>请用--type rsa2048或--type ec256选择密钥类型。</translation>
    </message>
    <message>
        <source>Generated a %1 key pair with ID %2.</source>
        <translation>已生成%1密钥对，标识为%2。</translation>
    </message>
    <message>
        <source>Give the subject of the request with --subject &quot;/CN=name/O=organisation&quot;.</source>
        <translation>请用--subject &quot;/CN=名称/O=单位&quot;指定证书请求的主题。</translation>
    </message>
    <message>
        <source>Give the file for the request with -o FILE.</source>
        <translation>请用-o 文件 指定证书请求的输出文件。</translation>
    </message>
    <message>
        <source>The key ID must be hexadecimal, for example --key-id 0a1b2c.</source>
        <translation>密钥标识必须是十六进制数，例如--key-id 0a1b2c。</translation>
    </message>
    <message>
        <source>The subject must look like &quot;/CN=name/O=organisation&quot;.</source>
        <translation>主题的格式应为&quot;/CN=名称/O=单位&quot;。</translation>
    </message>
    <message>
        <source>The certificate request was written to %1.</source>
        <translation>证书请求已写入%1。</translation>
    </message>
    <message>
        <source>Give exactly one certificate file: ca-tool token install-cert FILE.</source>
        <translation>请只指定一个证书文件：ca-tool token install-cert 文件。</translation>
    </message>
    <message>
        <source>The certificate file %1 cannot be read. Check the path.</source>
        <translation>无法读取证书文件%1。请检查路径。</translation>
    </message>
    <message>
        <source>The certificate %1 was written to the USB key next to key %2.</source>
        <translation>证书%1已写入CA锁，与密钥%2对应。</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>当前PIN码</translation>
    </message>
    <message>
        <source>The PIN was changed.</source>
        <translation>PIN码已修改。</translation>
    </message>
    <message>
        <source>SO PIN (administrator PIN)</source>
        <translation>SO PIN码（管理员PIN码）</translation>
    </message>
    <message>
        <source>The PIN was reset; use the new PIN from now on.</source>
        <translation>PIN码已重置，今后请使用新PIN码。</translation>
    </message>
    <message>
        <source>Name a token command, for example &apos;ca-tool token list&apos;.</source>
        <translation>请指定一个CA锁命令，例如“ca-tool token list”。</translation>
    </message>
    <message>
        <source>The token command &apos;%1&apos; is not known.</source>
        <translation>未知的CA锁命令“%1”。</translation>
    </message>
    <message>
        <source>The token command &apos;%1&apos; takes no argument &apos;%2&apos;.</source>
        <translation>CA锁命令“%1”不接受参数“%2”。</translation>
    </message>
    <message>
        <source>Passwords and verification codes are not accepted on the command line. Use --password-file or --code-file, or let ca-tool ask for them.</source>
        <translation>命令行中不接受密码和验证码。请使用 --password-file 或 --code-file，或由 ca-tool 提示输入。</translation>
    </message>
    <message>
        <source>Name the approved renewal or change application with --application ID.</source>
        <translation>请用 --application 编号 指定已审核通过的延期续费或信息变更申请。</translation>
    </message>
    <message>
        <source>Certificate on the key: %1, serial %2, valid until %3.</source>
        <translation>CA锁中的证书：%1，序列号%2，有效期至%3。</translation>
    </message>
    <message>
        <source>A verification code was sent to the registered mobile %1; it is valid until %2.</source>
        <translation>验证码已发送到登记的手机%1，有效期至%2。</translation>
    </message>
    <message>
        <source>Verification code from the text message: </source>
        <translation>短信中的验证码：</translation>
    </message>
    <message>
        <source>No terminal is available to ask for the verification code. Put it in a file and give it with --code-file FILE.</source>
        <translation>没有可用于输入验证码的终端。请将验证码写入文件，并用 --code-file 文件 指定。</translation>
    </message>
    <message>
        <source>The PIN of the key %1 was reset with the platform&apos;s authorisation; use the new PIN from now on.</source>
        <translation>CA锁%1的PIN码已经平台授权重置，今后请使用新PIN码。</translation>
    </message>
    <message>
        <source>The verification code is wrong; check the text message and give the right code.</source>
        <translation>验证码错误，请核对短信并输入正确的验证码。</translation>
    </message>
    <message>
        <source>The verification code has expired; run the PIN reset again to get a new code.</source>
        <translation>验证码已过期，请重新执行PIN码重置以获取新的验证码。</translation>
    </message>
    <message>
        <source>This PIN reset has ended after too many wrong codes (or was used already); run the PIN reset again to get a new code.</source>
        <translation>由于验证码错误次数过多（或已被使用），本次PIN码重置已结束，请重新执行PIN码重置以获取新的验证码。</translation>
    </message>
</context>
<context>
    <name>TokenPanel</name>
    <message>
        <source>My keys</source>
        <translation>我的证书</translation>
    </message>
    <message>
        <source>No USB key was found.</source>
        <translation>未找到CA锁。</translation>
    </message>
    <message>
        <source>Configured driver (PKCS#11 module):</source>
        <translation>已配置的驱动（PKCS#11模块）：</translation>
    </message>
    <message>
        <source>What the driver reported:</source>
        <translation>驱动报告的信息：</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>重新检测(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>CA锁(&amp;K)：</translation>
    </message>
    <message>
        <source>USB key</source>
        <translation>CA锁</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>序列号：</translation>
    </message>
    <message>
        <source>Maker:</source>
        <translation>厂商：</translation>
    </message>
    <message>
        <source>PIN state:</source>
        <translation>PIN码状态：</translation>
    </message>
    <message>
        <source>Certificates on the key</source>
        <translation>CA锁中的证书</translation>
    </message>
    <message>
        <source>Re&amp;new</source>
        <translation>延期续费(&amp;N)</translation>
    </message>
    <message>
        <source>Change &amp;PIN</source>
        <translation>修改PIN码(&amp;P)</translation>
    </message>
    <message>
        <source>Reset PIN (&amp;unlock)</source>
        <translation>重置PIN码（解锁）(&amp;U)</translation>
    </message>
    <message>
        <source>Register as &amp;existing CA</source>
        <translation>登记为已有CA(&amp;E)</translation>
    </message>
</context>
<context>
    <name>UploadFile</name>
    <message>
        <source>The file %1 cannot be read. Check that it exists and that you may open it.</source>
        <translation>无法读取文件%1。请确认文件存在且您有权打开它。</translation>
    </message>
    <message>
        <source>The file %1 is not a PDF, JPEG or PNG file. Scan the document to one of these formats and choose it again.</source>
        <translation>文件%1不是PDF、JPEG或PNG文件。请将材料扫描为其中一种格式后重新选择。</translation>
    </message>
    <message>
        <source>The file %1 is %2 MB, more than the platform accepts (%3 MB). Scan it with a lower resolution and choose it again.</source>
        <translation>文件%1大小为%2 MB，超过了平台允许的%3 MB。请以较低分辨率重新扫描后再选择。</translation>
    </message>
    <message>
        <source>The image %1 cannot be read; it may be damaged. Scan it again and choose the new file.</source>
        <translation>无法读取图片%1，文件可能已损坏。请重新扫描并选择新文件。</translation>
    </message>
    <message>
        <source>The image %1 could not be compressed because no temporary file can be written. Free some disk space and try again.</source>
        <translation>无法写入临时文件，图片%1未能压缩。请释放一些磁盘空间后重试。</translation>
    </message>
    <message>
        <source>The image %1 could not be compressed. Scan it with a lower resolution and choose it again.</source>
        <translation>图片%1未能压缩。请以较低分辨率重新扫描后再选择。</translation>
    </message>
    <message>
        <source>The image %1 stays larger than the platform accepts (%2 MB) even when compressed. Scan it with a lower resolution and choose it again.</source>
        <translation>图片%1压缩后仍超过平台允许的%2 MB。请以较低分辨率重新扫描后再选择。</translation>
    </message>
</context>
<context>
    <name>WizardAttachmentsPage</name>
    <message>
        <source>Upload a scan (PDF, JPEG or PNG) for each item marked (*). Drag a file onto its row or choose it; a new file replaces the old one.</source>
        <translation>请为每个标有(*)的项目上传扫描件（PDF、JPEG或PNG）。可将文件拖到对应行上，或点击选择；新文件会替换旧文件。</translation>
    </message>
    <message>
        <source>Templates:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Download the application &amp;form template…</source>
        <translation>下载《CA证书申请表》模板(&amp;F)…</translation>
    </message>
    <message>
        <source>Download the &amp;authorisation letter template…</source>
        <translation>下载《授权委托书》模板(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>WizardInvoicePage</name>
    <message>
        <source>Invoice type: *</source>
        <translation>发票类型：*</translation>
    </message>
    <message>
        <source>&amp;Ordinary invoice</source>
        <translation>普票(&amp;O)</translation>
    </message>
    <message>
        <source>Invoice &amp;title (unit name): *</source>
        <translation>开票单位名称(&amp;T)：*</translation>
    </message>
    <message>
        <source>Ta&amp;x ID (letters and digits only): *</source>
        <translation>税号（仅字母或数字，不要填写特殊字符）(&amp;X)：*</translation>
    </message>
    <message>
        <source>Unit a&amp;ddress:</source>
        <translation>单位地址(&amp;D)：</translation>
    </message>
    <message>
        <source>Unit &amp;phone:</source>
        <translation>单位电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Mobile for the invoice notice: *</source>
        <translation>手机号码（发票申请成功后通知接收手机）(&amp;M)：*</translation>
    </message>
    <message>
        <source>Bank a&amp;ccount number:</source>
        <translation>银行账号(&amp;C)：</translation>
    </message>
    <message>
        <source>Note: the invoice details must not contain any special characters, such as spaces or &quot;-&quot;.</source>
        <translation>注：开票信息中不允许出现任何特殊字符，如空格、-等。</translation>
    </message>
    <message>
        <source>Special &amp;VAT invoice</source>
        <translation>专票(&amp;V)</translation>
    </message>
    <message>
        <source>Ban&amp;k:</source>
        <translation>开户银行(&amp;K)：</translation>
    </message>
</context>
<context>
    <name>WizardKindPage</name>
    <message>
        <source>A first CA certificate and USB key for the unit.</source>
        <translation>为单位首次办理CA证书和CA锁。</translation>
    </message>
    <message>
        <source>&amp;Reissue</source>
        <translation>补办(&amp;R)</translation>
    </message>
    <message>
        <source>The key was lost or damaged: a new key with a new certificate.</source>
        <translation>CA锁丢失或损坏：补办新的CA锁及证书。</translation>
    </message>
    <message>
        <source>Information &amp;change</source>
        <translation>信息变更(&amp;C)</translation>
    </message>
    <message>
        <source>The unit&apos;s name or other registered details changed: the certificate is issued again on the same key.</source>
        <translation>单位名称或其他登记信息发生变更：在原CA锁上重新签发证书。</translation>
    </message>
    <message>
        <source>The certificate is about to expire: pay, and once approved renew it online on the same key.</source>
        <translation>证书即将到期：缴费并审核通过后，在原CA锁上在线延期。</translation>
    </message>
    <message>
        <source>E&amp;xisting CA</source>
        <translation>已有CA(&amp;X)</translation>
    </message>
    <message>
        <source>The unit already has a valid CA key from this CA: register it on the platform, free of charge.</source>
        <translation>单位已持有本CA机构签发的有效CA锁：在平台上免费登记。</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>新办(&amp;W)</translation>
    </message>
    <message>
        <source>Renewa&amp;l</source>
        <translation>延期续费(&amp;L)</translation>
    </message>
</context>
<context>
    <name>WizardNoticePage</name>
    <message>
        <source>Notice and confirmation</source>
        <translation>告知及确认书</translation>
    </message>
    <message>
        <source>I have &amp;read the notice above and accept it on behalf of our organisation.</source>
        <translation>我已阅读上述告知内容，并代表本机构确认接受(&amp;R)。</translation>
    </message>
    <message>
        <source>Accept the notice</source>
        <translation>接受告知书</translation>
    </message>
</context>
<context>
    <name>WizardOrderPage</name>
    <message>
        <source>Unit name:</source>
        <translation>单位名称：</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unified social credit code:</source>
        <translation>统一社会信用代码：</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>How to collect the key</source>
        <translation>取锁方式</translation>
    </message>
    <message>
        <source>Collect &amp;on site</source>
        <translation>现场取锁(&amp;O)</translation>
    </message>
    <message>
        <source>Send by &amp;mail</source>
        <translation>邮寄取锁(&amp;M)</translation>
    </message>
    <message>
        <source>On site: collect the key at the CA service hall. By mail: the key is sent to the address below once the application is approved.</source>
        <translation>现场取锁：到CA服务大厅领取CA锁。邮寄取锁：申请审核通过后，CA锁将邮寄到下面的地址。</translation>
    </message>
    <message>
        <source>Mailing &amp;address: *</source>
        <translation>CA邮寄地址(&amp;A)：*</translation>
    </message>
    <message>
        <source>Recipient &amp;phone: *</source>
        <translation>收件人联系电话(&amp;P)：*</translation>
    </message>
    <message>
        <source>Number of &amp;keys: *</source>
        <translation>CA数量(&amp;K)：*</translation>
    </message>
    <message>
        <source>Number of keys</source>
        <translation>CA数量</translation>
    </message>
    <message>
        <source>Fee:</source>
        <translation>支付费用：</translation>
    </message>
    <message>
        <source>Recip&amp;ient name: *</source>
        <translation>收件人姓名(&amp;I)：*</translation>
    </message>
</context>
<context>
    <name>WizardPaymentPage</name>
    <message>
        <source>First pay online (1), then click &quot;Refresh payment status&quot; (2) to check that the payment arrived, and once it says the payment was received click &quot;Submit&quot; (3).</source>
        <translation>请先进行“网上支付”(1)，支付完成后点击“刷新支付状态”(2)校验支付是否完成，提示支付成功后点击“提交信息”(3)。</translation>
    </message>
</context>
<context>
    <name>WizardSummaryPage</name>
    <message>
        <source>Summary of the application</source>
        <translation>申请信息汇总</translation>
    </message>
</context>
<context>
    <name>ca::ApplicationKind</name>
    <message>
        <source>New</source>
        <translation>新办</translation>
    </message>
    <message>
        <source>Reissue</source>
        <translation>补办</translation>
    </message>
    <message>
        <source>Change of details</source>
        <translation>信息变更</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>延期续费</translation>
    </message>
    <message>
        <source>Existing CA</source>
        <translation>已有CA</translation>
    </message>
</context>
<context>
    <name>ca::ApplicationValidator</name>
    <message>
        <source>Enter the unit&apos;s name as printed on its business licence.</source>
        <translation>请按营业执照填写单位名称。</translation>
    </message>
    <message>
        <source>Enter the unit&apos;s unified social credit code, the 18 characters printed on its business licence.</source>
        <translation>请填写单位的统一社会信用代码，即营业执照上的18位代码。</translation>
    </message>
    <message>
        <source>Enter the mailing address: the USB key is sent by mail.</source>
        <translation>请填写邮寄地址：CA锁将通过邮寄送达。</translation>
    </message>
    <message>
        <source>Enter the name of the person who receives the USB key sent by mail.</source>
        <translation>请填写邮寄CA锁的收件人姓名。</translation>
    </message>
    <message>
        <source>Enter the phone number of the person who receives the USB key, so that the courier can call.</source>
        <translation>请填写收件人联系电话，以便快递员联系。</translation>
    </message>
    <message>
        <source>Enter the invoice title, normally the unit&apos;s full name.</source>
        <translation>请填写开票单位名称，通常为单位全称。</translation>
    </message>
    <message>
        <source>Enter the tax ID: a special VAT invoice needs it.</source>
        <translation>请填写税号：开具专票需要税号。</translation>
    </message>
    <message>
        <source>Enter the tax ID: an ordinary invoice for an enterprise needs it.</source>
        <translation>请填写税号：为企业开具普票需要税号。</translation>
    </message>
    <message>
        <source>Enter the mobile number that receives the notice when the invoice has been issued.</source>
        <translation>请填写手机号码，发票开具成功后将通知该手机。</translation>
    </message>
    <message>
        <source>Enter the unit&apos;s address: a special VAT invoice needs it.</source>
        <translation>请填写单位地址：开具专票需要单位地址。</translation>
    </message>
    <message>
        <source>Enter the unit&apos;s phone number: a special VAT invoice needs it.</source>
        <translation>请填写单位电话：开具专票需要单位电话。</translation>
    </message>
    <message>
        <source>Enter the bank where the unit&apos;s account is held: a special VAT invoice needs it.</source>
        <translation>请填写开户银行：开具专票需要开户银行。</translation>
    </message>
    <message>
        <source>Enter the unit&apos;s bank account number: a special VAT invoice needs it.</source>
        <translation>请填写银行账号：开具专票需要银行账号。</translation>
    </message>
    <message>
        <source>The file for &quot;%1&quot; is still being uploaded; wait until the upload has finished, then submit.</source>
        <translation>“%1”的文件仍在上传中，请等上传完成后再提交。</translation>
    </message>
    <message>
        <source>The upload of the file for &quot;%1&quot; failed; upload the file again.</source>
        <translation>“%1”的文件上传失败，请重新上传。</translation>
    </message>
    <message>
        <source>Upload the legal representative&apos;s ID card, stamped with the company seal; this application needs it.</source>
        <translation>请上传法人身份证件（加盖公章），本申请需要此电子件。</translation>
    </message>
    <message>
        <source>Upload the handler&apos;s ID card, stamped with the company seal; this application needs it.</source>
        <translation>请上传经办人身份证件（加盖公章），本申请需要此电子件。</translation>
    </message>
    <message>
        <source>Upload the filled-in CA certificate application form; this application needs it.</source>
        <translation>请上传填写好的《CA证书申请表》，本申请需要此电子件。</translation>
    </message>
    <message>
        <source>Upload the signed letter of authorisation; this application needs it.</source>
        <translation>请上传签字盖章的《授权委托书》，本申请需要此电子件。</translation>
    </message>
    <message>
        <source>Upload the business licence, stamped with the company seal; this application needs it.</source>
        <translation>请上传营业执照（加盖公章），本申请需要此电子件。</translation>
    </message>
</context>
<context>
    <name>ca::ApprovalAction</name>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>审核不通过</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Key shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Handled on site</source>
        <translation>现场办理</translation>
    </message>
    <message>
        <source>Receipt confirmed</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已办理</translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation>证书已签发</translation>
    </message>
</context>
<context>
    <name>ca::AttachmentCategory</name>
    <message>
        <source>Legal representative&apos;s ID card</source>
        <translation>法人身份证件</translation>
    </message>
    <message>
        <source>Handler&apos;s ID card</source>
        <translation>经办人身份证件</translation>
    </message>
    <message>
        <source>CA certificate application form</source>
        <translation>CA证书申请表</translation>
    </message>
    <message>
        <source>Letter of authorisation</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <source>Upload the legal representative&apos;s ID card, stamped with the company seal.</source>
        <translation>请上传法人身份证件（加盖公章）。</translation>
    </message>
    <message>
        <source>Upload the handler&apos;s ID card, stamped with the company seal.</source>
        <translation>请上传经办人身份证件（加盖公章）。</translation>
    </message>
    <message>
        <source>Download the CA certificate application form (Entity management, CA application), fill it in and upload it.</source>
        <translation>请到“主体管理－CA申请”下载《CA证书申请表》，填写后上传。</translation>
    </message>
    <message>
        <source>Download the letter of authorisation (Entity management, CA application), fill it in and upload it.</source>
        <translation>请到“主体管理－CA申请”下载《授权委托书》，填写后上传。</translation>
    </message>
    <message>
        <source>Upload the business licence, stamped with the company seal.</source>
        <translation>请上传营业执照（加盖公章）。</translation>
    </message>
</context>
<context>
    <name>ca::AttachmentUpload</name>
    <message>
        <source>The platform received a different file than %1 (the check sums differ). Upload the file again.</source>
        <translation>平台收到的文件与%1不一致（校验值不同）。请重新上传该文件。</translation>
    </message>
    <message>
        <source>The photo %1 was larger than the platform accepts, so it was reduced from %2 MB to %3 MB (%4 × %5 pixels) before uploading.</source>
        <translation>照片%1超过了平台允许的大小，上传前已从%2 MB压缩到%3 MB（%4 × %5像素）。</translation>
    </message>
</context>
<context>
    <name>ca::HandlingStatus</name>
    <message>
        <source>Not started</source>
        <translation>未办理</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Handled on site</source>
        <translation>现场办理</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已办理</translation>
    </message>
</context>
<context>
    <name>ca::InvoiceType</name>
    <message>
        <source>Ordinary invoice</source>
        <translation>普票</translation>
    </message>
    <message>
        <source>Special VAT invoice</source>
        <translation>专票</translation>
    </message>
</context>
<context>
    <name>ca::JsonReader</name>
    <message>
        <source>Each item of &quot;%1&quot; must be a JSON object.</source>
        <translation>“%1”中的每一项都必须是JSON对象。</translation>
    </message>
    <message>
        <source>The document must be a JSON object.</source>
        <translation>文档必须是一个JSON对象。</translation>
    </message>
    <message>
        <source>The text is not valid JSON (%1 at character %2).</source>
        <translation>文本不是有效的JSON（第%2个字符处：%1）。</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; is missing; it is required.</source>
        <translation>缺少必填的键“%1”。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; must be a JSON string.</source>
        <translation>“%1”的值必须是JSON字符串。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; must be a JSON number.</source>
        <translation>“%1”的值必须是JSON数字。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; must be a JSON object.</source>
        <translation>“%1”的值必须是JSON对象。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; must be a JSON array.</source>
        <translation>“%1”的值必须是JSON数组。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; is &quot;%2&quot;, which is not one of the allowed words: %3.</source>
        <translation>“%1”的值为“%2”，不是允许的取值之一：%3。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; must be a whole number from %2 to %3.</source>
        <translation>“%1”的值必须是%2至%3之间的整数。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; must be an amount in yuan written as a string, such as &quot;300.00&quot;.</source>
        <translation>“%1”的值必须是以字符串表示的金额（单位：元），例如&quot;300.00&quot;。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; is &quot;%2&quot;, which is not an amount in yuan with at most two decimals, such as &quot;300.00&quot;.</source>
        <translation>“%1”的值为“%2”，不是最多两位小数的金额（单位：元），例如&quot;300.00&quot;。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; is &quot;%2&quot;, which is not a date and time in ISO 8601 form with a time zone, such as &quot;2026-11-21T10:00:00Z&quot;.</source>
        <translation>“%1”的值为“%2”，不是带时区的ISO 8601格式日期时间，例如&quot;2026-11-21T10:00:00Z&quot;。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; must be a SHA-256 digest written as 64 hexadecimal digits.</source>
        <translation>“%1”的值必须是由64位十六进制数字表示的SHA-256摘要。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; is &quot;reviewer&quot;, but an applicant unit must be a supplier, purchaser or agent.</source>
        <translation>“%1”的值为“reviewer”，但申请单位只能是供应商、采购人或采购代理。</translation>
    </message>
</context>
<context>
    <name>ca::PaymentChannel</name>
    <message>
        <source>Online banking</source>
        <translation>网上银行</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
</context>
<context>
    <name>ca::PaymentController</name>
    <message>
        <source>The platform answered the payment request without an order. Refresh the payment status in a moment.</source>
        <translation>平台响应了支付请求，但没有返回订单。请稍后刷新支付状态。</translation>
    </message>
</context>
<context>
    <name>ca::PaymentOrderStatus</name>
    <message>
        <source>Awaiting payment</source>
        <translation>待支付</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>ca::PaymentStatus</name>
    <message>
        <source>Unpaid</source>
        <translation>未支付</translation>
    </message>
    <message>
        <source>Payment in progress</source>
        <translation>支付中</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
</context>
<context>
    <name>ca::Pickup</name>
    <message>
        <source>Collect on site</source>
        <translation>现场取锁</translation>
    </message>
    <message>
        <source>Send by mail</source>
        <translation>邮寄取锁</translation>
    </message>
</context>
<context>
    <name>ca::PlatformClient</name>
    <message>
        <source>The CA certificate file %1 cannot be read: %2. Check the path in the settings.</source>
        <translation>无法读取CA证书文件%1：%2。请检查设置中的路径。</translation>
    </message>
    <message>
        <source>The CA certificate file %1 holds no PEM certificate. Choose the platform&apos;s CA certificate file.</source>
        <translation>CA证书文件%1中没有PEM格式的证书。请选择平台的CA证书文件。</translation>
    </message>
    <message>
        <source>The file to upload can no longer be read. Choose it again.</source>
        <translation>要上传的文件已无法读取。请重新选择。</translation>
    </message>
    <message>
        <source>The file %1 could not be written (%2). Choose another location.</source>
        <translation>无法写入文件%1（%2）。请选择其他位置。</translation>
    </message>
    <message>
        <source>The platform refused the user name or password. Check them and log in again.</source>
        <translation>平台拒绝了用户名或密码。请核对后重新登录。</translation>
    </message>
    <message>
        <source>You are not logged in to the platform, so the request was not sent. Log in and try again.</source>
        <translation>您尚未登录平台，请求未发送。请登录后重试。</translation>
    </message>
</context>
<context>
    <name>ca::ReviewStatus</name>
    <message>
        <source>Editing</source>
        <translation>编辑中</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>审核不通过</translation>
    </message>
</context>
<context>
    <name>ca::Role</name>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Purchaser</source>
        <translation>采购人</translation>
    </message>
    <message>
        <source>Procurement agent</source>
        <translation>采购代理</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人员</translation>
    </message>
</context>
<context>
    <name>ca::UploadState</name>
    <message>
        <source>Waiting to upload</source>
        <translation>等待上传</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>上传中</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>已上传</translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation>上传失败</translation>
    </message>
</context>
<context>
    <name>ca::Workflow</name>
    <message>
        <source>Pay first, then review</source>
        <translation>先支付后审核</translation>
    </message>
    <message>
        <source>Review first, then pay</source>
        <translation>先审核后支付</translation>
    </message>
</context>
<context>
    <name>ca::WorkflowRules</name>
    <message>
        <source>The statuses of this application do not fit together; refresh it from the platform before going on.</source>
        <translation>该申请的各项状态互相矛盾，请先从平台刷新该申请再继续操作。</translation>
    </message>
    <message>
        <source>This application is waiting for review, so it cannot be changed.</source>
        <translation>该申请正在等待审核，不能修改。</translation>
    </message>
    <message>
        <source>This application has been approved, so it can no longer be changed.</source>
        <translation>该申请已审核通过，不能再修改。</translation>
    </message>
    <message>
        <source>A payment order for this application is open, so the kind and quantity cannot be changed until it is paid or has expired.</source>
        <translation>该申请有一笔未完成的支付订单，在支付完成或订单过期之前，不能修改办理类别和数量。</translation>
    </message>
    <message>
        <source>This application has been paid, so its kind and quantity can no longer be changed.</source>
        <translation>该申请已支付，不能再修改办理类别和数量。</translation>
    </message>
    <message>
        <source>This application is waiting for review, so its attachments cannot be changed.</source>
        <translation>该申请正在等待审核，不能修改电子件。</translation>
    </message>
    <message>
        <source>This application has been approved, so its attachments can no longer be changed.</source>
        <translation>该申请已审核通过，不能再修改电子件。</translation>
    </message>
    <message>
        <source>This application has been submitted, so it can no longer be deleted.</source>
        <translation>该申请已提交，不能再删除。</translation>
    </message>
    <message>
        <source>This application has been approved, so it can no longer be deleted.</source>
        <translation>该申请已审核通过，不能再删除。</translation>
    </message>
    <message>
        <source>This application has been reviewed, so it can no longer be deleted; correct it and submit it again instead.</source>
        <translation>该申请已经审核，不能再删除；请修改后重新提交。</translation>
    </message>
    <message>
        <source>A payment order for this application is open; wait until it is paid or has expired before deleting the application.</source>
        <translation>该申请有一笔未完成的支付订单；请等支付完成或订单过期后再删除申请。</translation>
    </message>
    <message>
        <source>This application has been paid, so it cannot be deleted: a payment is never refunded.</source>
        <translation>该申请已支付，不能删除：一旦缴费，不能退办。</translation>
    </message>
    <message>
        <source>This application has already been submitted and is waiting for review.</source>
        <translation>该申请已提交，正在等待审核。</translation>
    </message>
    <message>
        <source>This application has already been approved, so there is nothing to submit.</source>
        <translation>该申请已审核通过，无需再提交。</translation>
    </message>
    <message>
        <source>The payment has not been confirmed yet; finish paying and refresh the payment status, then submit the application.</source>
        <translation>支付尚未确认；请完成支付并刷新支付状态，然后再提交申请。</translation>
    </message>
    <message>
        <source>Pay the fee first and refresh the payment status; the application can be submitted once it has been paid.</source>
        <translation>请先缴费并刷新支付状态；支付完成后才能提交申请。</translation>
    </message>
    <message>
        <source>This application has already been paid.</source>
        <translation>该申请已支付。</translation>
    </message>
    <message>
        <source>This application costs nothing, so there is nothing to pay.</source>
        <translation>该申请无需缴费。</translation>
    </message>
    <message>
        <source>This application has been submitted, so it can no longer be paid.</source>
        <translation>该申请已提交，不能再支付。</translation>
    </message>
    <message>
        <source>Submit this application for review first; the fee can be paid once it has been approved.</source>
        <translation>请先提交申请等待审核；审核通过后才能缴费。</translation>
    </message>
    <message>
        <source>This application is waiting for review; the fee can be paid once it has been approved.</source>
        <translation>该申请正在等待审核；审核通过后才能缴费。</translation>
    </message>
    <message>
        <source>This application was rejected; correct it and submit it again, and pay once it has been approved.</source>
        <translation>该申请审核不通过；请修改后重新提交，审核通过后再缴费。</translation>
    </message>
    <message>
        <source>This kind of application is completed online, so there is no key whose receipt could be confirmed.</source>
        <translation>此类申请在线办理，没有需要确认签收的CA锁。</translation>
    </message>
    <message>
        <source>The key is collected on site, so no confirmation of receipt is needed.</source>
        <translation>CA锁为现场领取，无需确认签收。</translation>
    </message>
    <message>
        <source>The receipt of the key has already been confirmed.</source>
        <translation>CA锁已确认签收。</translation>
    </message>
    <message>
        <source>This application has already been completed.</source>
        <translation>该申请已办理完成。</translation>
    </message>
    <message>
        <source>The key has not been shipped yet; its receipt can be confirmed once it has been shipped.</source>
        <translation>CA锁尚未发货；发货后才能确认签收。</translation>
    </message>
    <message>
        <source>Only an application that is waiting for review can be approved.</source>
        <translation>只有待审核的申请才能审核通过。</translation>
    </message>
    <message>
        <source>Only an application that is waiting for review can be rejected.</source>
        <translation>只有待审核的申请才能审核不通过。</translation>
    </message>
    <message>
        <source>This application has no open payment order that could expire or be cancelled.</source>
        <translation>该申请没有可过期或可取消的未完成支付订单。</translation>
    </message>
    <message>
        <source>Only an application with an open payment order can be marked as paid.</source>
        <translation>只有存在未完成支付订单的申请才能标记为已支付。</translation>
    </message>
    <message>
        <source>This kind of application is completed online, so there is no key to hand over.</source>
        <translation>此类申请在线办理，没有需要交付的CA锁。</translation>
    </message>
    <message>
        <source>Only an application that is being processed can have its key handed over.</source>
        <translation>只有办理中的申请才能交付CA锁。</translation>
    </message>
    <message>
        <source>The key is collected on site, so it cannot be shipped; mark it as handled on site instead.</source>
        <translation>CA锁为现场领取，不能发货；请改为标记“现场办理”。</translation>
    </message>
    <message>
        <source>The key is sent by mail, so it cannot be handled on site; ship it instead.</source>
        <translation>CA锁为邮寄送达，不能现场办理；请改为发货。</translation>
    </message>
    <message>
        <source>Hand the key over first, by mail or on site, before completing this application.</source>
        <translation>请先通过邮寄或现场方式交付CA锁，再完成该申请。</translation>
    </message>
    <message>
        <source>A key sent by mail is completed when the applicant confirms its receipt.</source>
        <translation>邮寄的CA锁在申请单位确认签收后即办理完成。</translation>
    </message>
    <message>
        <source>Only an application that is being processed can be completed.</source>
        <translation>只有办理中的申请才能办理完成。</translation>
    </message>
</context>
<context>
    <name>ca::keyops::RenewalJob</name>
    <message>
        <source>Checking the application</source>
        <translation>检查申请</translation>
    </message>
    <message>
        <source>Reading the key</source>
        <translation>读取CA锁</translation>
    </message>
    <message>
        <source>Creating the certificate request on the key</source>
        <translation>在CA锁中生成证书请求</translation>
    </message>
    <message>
        <source>Sending the certificate request to the platform</source>
        <translation>将证书请求发送到平台</translation>
    </message>
    <message>
        <source>Writing the new certificate to the key</source>
        <translation>将新证书写入CA锁</translation>
    </message>
    <message>
        <source>Checking the new certificate on the key</source>
        <translation>核验CA锁中的新证书</translation>
    </message>
    <message>
        <source>The new certificate is on the key</source>
        <translation>新证书已写入CA锁</translation>
    </message>
    <message>
        <source>The renewal was cancelled. Nothing was changed on the key: the old certificate is still there; choose Retry to go on.</source>
        <translation>续期已取消。CA锁未作任何更改，原证书仍在CA锁中；如需继续，请选择“重试”。</translation>
    </message>
    <message>
        <source>The renewal was cancelled after the new certificate was written to the key; choose Retry to check it.</source>
        <translation>新证书写入CA锁后续期被取消；请选择“重试”进行核验。</translation>
    </message>
    <message numerus="yes">
        <source>The new certificate is on the key under the same key and valid until %1 (%n days from now).</source>
        <translation>
            <numerusform>新证书已写入CA锁，使用原密钥，有效期至%1（还有%n天）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new certificate is on the key with its new key pair and valid until %1 (%n days from now); the old key and certificate are kept.</source>
        <translation>
            <numerusform>新证书已随新密钥对写入CA锁，有效期至%1（还有%n天）；原密钥和原证书均已保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Application %1 could not be read from the platform. %2 Nothing was changed on the key.</source>
        <translation>无法从平台读取申请%1。%2CA锁未作任何更改。</translation>
    </message>
    <message>
        <source>Application %1 is neither a renewal nor a change application; only those are written to the key online, the centre makes the key for the others.</source>
        <translation>申请%1既不是延期续费也不是信息变更申请；只有这两类可在线写入CA锁，其他类型由CA中心制作CA锁。</translation>
    </message>
    <message>
        <source>Application %1 has not been approved yet; the new certificate can be written to the key once the centre has approved it.</source>
        <translation>申请%1尚未审核通过；CA中心审核通过后才能将新证书写入CA锁。</translation>
    </message>
    <message>
        <source>The fee of application %1 has not been settled yet; pay it and refresh the payment status, then write the certificate to the key.</source>
        <translation>申请%1的费用尚未缴纳；请缴费并刷新缴费状态，然后再将证书写入CA锁。</translation>
    </message>
    <message>
        <source>The platform has issued the certificate of application %1 but does not hand it out; nothing was changed on the key. Contact the CA centre.</source>
        <translation>平台已为申请%1签发证书，但未提供下载；CA锁未作任何更改。请联系CA中心。</translation>
    </message>
    <message>
        <source>The issued certificate could not be fetched from the platform. %1 Nothing was changed on the key: the old certificate is still there; choose Retry.</source>
        <translation>无法从平台获取已签发的证书。%1CA锁未作任何更改，原证书仍在CA锁中；请选择“重试”。</translation>
    </message>
    <message>
        <source>The platform&apos;s answer held no certificate, so nothing was written to the key: the old certificate is still there. Choose Retry, or contact the CA centre if it happens again.</source>
        <translation>平台的应答中没有证书，因此未向CA锁写入任何内容，原证书仍在CA锁中。请选择“重试”；如再次出现，请联系CA中心。</translation>
    </message>
    <message>
        <source>The key pair chosen for the renewal is not on this key; insert the USB key that holds it and choose Retry.</source>
        <translation>续期所选的密钥对不在此CA锁中；请插入存有该密钥对的CA锁，然后选择“重试”。</translation>
    </message>
    <message>
        <source>The certificate named in application %1 (serial %2) is not on this key; insert the USB key that holds it and choose Retry.</source>
        <translation>申请%1中登记的证书（序列号%2）不在此CA锁中；请插入存有该证书的CA锁，然后选择“重试”。</translation>
    </message>
    <message>
        <source>No certificate with its key pair was found on this key to renew; insert the USB key that holds your current certificate and choose Retry.</source>
        <translation>此CA锁中没有找到带密钥对的可续期证书；请插入存有当前证书的CA锁，然后选择“重试”。</translation>
    </message>
    <message>
        <source>No certificate was found on this key to renew; insert the USB key that holds your current certificate and choose Retry.</source>
        <translation>此CA锁中没有找到可续期的证书；请插入存有当前证书的CA锁，然后选择“重试”。</translation>
    </message>
    <message>
        <source>A new key pair will be made on the key. Bid files encrypted to the old certificate can only be opened with the old key, which stays on the key with its certificate: do not delete it.</source>
        <translation>将在CA锁中生成新的密钥对。用原证书加密的投标文件只能用原密钥解密；原密钥及其证书会保留在CA锁中，请勿删除。</translation>
    </message>
    <message>
        <source>The platform has already issued the new certificate; it will only be written to the key.</source>
        <translation>平台已签发新证书，只需将其写入CA锁。</translation>
    </message>
    <message>
        <source>The PIN of this key is locked; reset it (密码重置) before the certificate can be written.</source>
        <translation>此CA锁的PIN码已锁定；请先进行密码重置，然后才能写入证书。</translation>
    </message>
    <message>
        <source>Only one PIN try is left on this key: a wrong PIN locks it.</source>
        <translation>此CA锁只剩最后一次PIN码尝试机会：再输错一次将被锁定。</translation>
    </message>
    <message>
        <source>A wrong PIN was entered on this key before; fewer tries are left.</source>
        <translation>此CA锁之前输入过错误的PIN码，剩余尝试次数已减少。</translation>
    </message>
    <message>
        <source>This key has a PIN pad: type the PIN on the key when it asks.</source>
        <translation>此CA锁带有密码键盘：请在CA锁提示时在其上输入PIN码。</translation>
    </message>
    <message>
        <source>The certificate request was signed with a key other than the certificate&apos;s own, so it was not sent. The old certificate is still on the key; contact support.</source>
        <translation>证书请求不是用该证书自己的密钥签名的，因此未发送。原证书仍在CA锁中；请联系技术支持。</translation>
    </message>
    <message>
        <source>The certificate request could not be sent to the platform. %1 The old certificate is still on the key; choose Retry: the same request is sent again and the platform never issues twice.</source>
        <translation>无法将证书请求发送到平台。%1原证书仍在CA锁中；请选择“重试”：将重新发送同一请求，平台不会重复签发。</translation>
    </message>
    <message>
        <source>The platform did not certify the request. %1 Nothing was changed on the key: the old certificate is still there.</source>
        <translation>平台未签发该证书请求。%1CA锁未作任何更改，原证书仍在CA锁中。</translation>
    </message>
    <message>
        <source>The platform returned a certificate for another key than the one on your USB key, so it was not written. The old certificate is still on the key; contact the CA centre.</source>
        <translation>平台返回的证书属于另一个密钥，而不是您CA锁 中的密钥，因此未写入。原证书仍在CA锁中；请联系CA中心。</translation>
    </message>
    <message>
        <source>The platform returned a certificate whose subject does not name your organisation as requested, so it was not written. The old certificate is still on the key; contact the CA centre.</source>
        <translation>平台返回的证书主题与所申请的单位不符，因此未写入。原证书仍在CA锁中；请联系CA中心。</translation>
    </message>
    <message>
        <source>The key was removed before the new certificate was written to it. The old certificate is still on the key; plug the key in and choose Retry: the certificate the platform issued is written without a new request.</source>
        <translation>新证书写入之前CA锁被拔出。原证书仍在CA锁中；请插入CA锁并选择“重试”：将直接写入平台已签发的证书，无需重新申请。</translation>
    </message>
    <message>
        <source>The key was removed while the new certificate was being written to it. It holds the old or the new certificate, never neither; plug the key in and choose Retry to finish writing the certificate the platform issued.</source>
        <translation>写入新证书时CA锁被拔出。CA锁中保存的是原证书或新证书，不会两者皆无；请插入CA锁并选择“重试”，完成平台已签发证书的写入。</translation>
    </message>
    <message>
        <source>The new certificate was written to the key, but the old certificate could not be removed yet. Choose Retry to finish.</source>
        <translation>新证书已写入CA锁，但原证书暂未能删除。请选择“重试”完成。</translation>
    </message>
    <message>
        <source>The new certificate was written to the key, but the writing did not end cleanly. Choose Retry to check it.</source>
        <translation>新证书已写入CA锁，但写入过程未正常结束。请选择“重试”进行核验。</translation>
    </message>
    <message>
        <source>The new certificate could not be written to the key. %1 The old certificate is still on the key; choose Retry: the certificate the platform issued is written without a new request.</source>
        <translation>无法将新证书写入CA锁。%1原证书仍在CA锁中；请选择“重试”：将直接写入平台已签发的证书，无需重新申请。</translation>
    </message>
    <message>
        <source>The new certificate was not found on the key after it was written. The old certificate is still on the key; choose Retry to write it again.</source>
        <translation>写入后在CA锁中未找到新证书。原证书仍在CA锁中；请选择“重试”重新写入。</translation>
    </message>
    <message>
        <source>The new certificate on the key does not match the key&apos;s own key pair. The old key was not changed; contact the CA centre.</source>
        <translation>CA锁中的新证书与CA锁自身的密钥对不匹配。原密钥未作更改；请联系CA中心。</translation>
    </message>
    <message>
        <source>No key was found. Insert the USB key that holds the certificate and choose Retry.</source>
        <translation>未检测到CA锁。请插入存有该证书的CA锁，然后选择“重试”。</translation>
    </message>
    <message>
        <source>The key could not be read. %1 Nothing was changed on it.</source>
        <translation>无法读取CA锁。%1CA锁未作任何更改。</translation>
    </message>
    <message>
        <source>The certificate request could not be made on the key. %1 The old certificate is still on the key; choose Retry when this is fixed.</source>
        <translation>无法在CA锁中生成证书请求。%1原证书仍在CA锁中；问题解决后请选择“重试”。</translation>
    </message>
    <message>
        <source>The new certificate could not be written to the key. %1 The old certificate is still on the key; choose Retry.</source>
        <translation>无法将新证书写入CA锁。%1原证书仍在CA锁中；请选择“重试”。</translation>
    </message>
    <message>
        <source>The new certificate could not be checked on the key. %1 It was written to the key; choose Retry to check it again.</source>
        <translation>无法核验CA锁中的新证书。%1新证书已写入CA锁；请选择“重试”重新核验。</translation>
    </message>
    <message>
        <source>The renewal was cancelled. The old certificate is still on the key; choose Retry to go on.</source>
        <translation>写入已取消。原证书仍在CA锁中；如需继续，请选择“重试”。</translation>
    </message>
    <message>
        <source>A new key pair for application %1 is on the key without its certificate yet (key ID %2); Retry uses it and makes no other.</source>
        <translation>CA锁中已有为申请%1生成的新密钥对，但尚无证书（密钥标识%2）；“重试”将使用该密钥对，不会再生成新的。</translation>
    </message>
    <message>
        <source>Application %1 is a renewal, which certifies the key pair already on the key again; a new key pair is made only for a change application (信息变更). Start the renewal without a new key pair.</source>
        <translation>申请%1是延期续费，将为CA锁中已有的密钥对重新签发证书；只有信息变更申请才会生成新的密钥对。请不选新密钥对重新开始。</translation>
    </message>
    <message>
        <source>This key holds several certificates of your organisation (serials %1) and application %2 does not name the one to renew. Start the renewal from that certificate&apos;s Renew action in My keys (我的证书), which names it.</source>
        <translation>此CA锁中有贵单位的多张证书（序列号%1），而申请%2没有指明要续期哪一张。请在“我的证书”中从该证书的“延期续费”操作开始，它会指明证书。</translation>
    </message>
    <message>
        <source>The certificate of application %1 (serial %2) is already on the key %3 and valid until %4; nothing needs to be done.</source>
        <translation>申请%1的证书（序列号%2）已在CA锁%3中，有效期至%4，无需任何操作。</translation>
    </message>
    <message>
        <source>A key pair made for application %1 by an earlier attempt is on the key without a certificate; it is used, and no other key pair is made.</source>
        <translation>CA锁中有上次尝试为申请%1生成、尚无证书的密钥对；将使用该密钥对，不会再生成新的。</translation>
    </message>
    <message>
        <source>The platform did not certify the request. %1 The old certificate is still on the key.</source>
        <translation>平台未签发该证书请求。%1 原证书仍在CA锁中。</translation>
    </message>
    <message>
        <source>The certificate the platform issued belongs to a key pair that is not on this USB key, so it was not written. %1</source>
        <translation>平台签发的证书所属的密钥对不在此CA锁中，因此未写入。%1</translation>
    </message>
    <message>
        <source>The new certificate was not found on the key after it was written, and the old certificate is not there either. Choose Retry to write the certificate the platform issued again; if it fails again, contact the CA centre.</source>
        <translation>写入后在CA锁中既找不到新证书，也找不到原证书。请选择“重试”重新写入平台已签发的证书；如再次失败，请联系CA中心。</translation>
    </message>
    <message>
        <source>Insert the USB key that holds the certificate of %1 and choose Retry.</source>
        <translation>请插入存有%1证书的CA锁，然后选择“重试”。</translation>
    </message>
    <message>
        <source>Insert the USB key with serial number %1 (certificate of %2) and choose Retry.</source>
        <translation>请插入序列号为%1的CA锁（%2的证书），然后选择“重试”。</translation>
    </message>
    <message>
        <source>Nothing was written to the key: the old certificate is still there.</source>
        <translation>未向CA锁写入任何内容，原证书仍在。</translation>
    </message>
    <message>
        <source>The old certificate is still on the key; Retry writes the certificate the platform issued without a new request.</source>
        <translation>原证书仍在CA锁中；“重试”将直接写入平台已签发的证书，无需重新申请。</translation>
    </message>
    <message>
        <source>The new certificate was written to the key; Retry checks it again.</source>
        <translation>新证书已写入CA锁；“重试”将重新核验。</translation>
    </message>
    <message>
        <source>The key pair of the certificate was not found on this USB key.</source>
        <translation>此CA锁中找不到该证书的密钥对。</translation>
    </message>
    <message>
        <source>More than one USB key is inserted; leave only the USB key that holds the certificate of %1 plugged in.</source>
        <translation>插入了多个CA锁；请只保留存有%1证书的CA锁。</translation>
    </message>
    <message>
        <source>More than one USB key is inserted; remove the keys other than the one with serial number %1.</source>
        <translation>插入了多个CA锁；请拔出序列号为%1以外的CA锁。</translation>
    </message>
    <message>
        <source>The USB key was not found.</source>
        <translation>未找到CA锁。</translation>
    </message>
    <message>
        <source>The certificate belongs to no key pair on this USB key.</source>
        <translation>该证书不属于此CA锁中的任何密钥对。</translation>
    </message>
    <message>
        <source>The USB key refused the request as malformed.</source>
        <translation>CA锁以格式错误为由拒绝了该请求。</translation>
    </message>
    <message>
        <source>The key pair of the certificate was not found on this USB key, so no certificate request was made. The old certificate is still on the key. %1</source>
        <translation>此CA锁中找不到该证书的密钥对，因此未生成证书请求。原证书仍在CA锁中。%1</translation>
    </message>
    <message>
        <source>The PIN of key %1 is locked after too many wrong tries, so the certificate cannot be written now. Reset the PIN (密码重置) and then write the certificate to the key again.</source>
        <translation>CA锁%1的PIN码因错误次数过多已被锁定，现在无法写入证书。请先进行密码重置，然后重新将证书写入CA锁。</translation>
    </message>
    <message>
        <source>The PIN was wrong. Only one try is left: one more wrong PIN locks key %1.</source>
        <translation>PIN码错误。只剩最后一次机会：再输错一次将锁定CA锁%1。</translation>
    </message>
    <message>
        <source>The PIN was wrong, and key %1 says fewer tries are left (it does not say how many).</source>
        <translation>PIN码错误，CA锁%1提示剩余尝试次数已减少（未告知具体次数）。</translation>
    </message>
    <message>
        <source>The PIN was wrong.</source>
        <translation>PIN码错误。</translation>
    </message>
    <message>
        <source>Type the correct PIN and choose Retry.</source>
        <translation>请输入正确的PIN码，然后选择“重试”。</translation>
    </message>
    <message>
        <source>The USB key was removed or is not plugged in.</source>
        <translation>CA锁已被拔出或未插入。</translation>
    </message>
    <message>
        <source>The USB key plugged in now (serial number %1) is not the one this renewal writes to.</source>
        <translation>当前插入的CA锁（序列号%1）不是本次写入的目标CA锁。</translation>
    </message>
    <message>
        <source>The key holds the old or the new certificate, never neither; Retry finishes writing the certificate the platform issued.</source>
        <translation>CA锁中保存的是原证书或新证书，不会两者皆无；“重试”将完成平台已签发证书的写入。</translation>
    </message>
</context>
<context>
    <name>ca::tool::ValidateCommand</name>
    <message>
        <source>Usage:
  ca-tool validate --field FIELD VALUE [--json] [--lang zh_CN|en]
  ca-tool validate FILE.json [--purpose draft|pay|submit] [--json] [--lang zh_CN|en]

Checks one field value, or a whole application in the JSON of docs/application-json.md.
FIELD is one of: uscc, tax-id, mobile, landline, phone, bank-account, quantity, title,
address, bank-name, recipient, unit-name, mailing-address.
VALUE - reads the value from standard input (use it for bank account numbers).
--purpose says how complete the application must be (default: submit).
--json prints one JSON object instead of text.

Exit status: 0 valid, 1 invalid, 2 usage error or unreadable file.
</source>
        <translation>用法：
  ca-tool validate --field 字段 值 [--json] [--lang zh_CN|en]
  ca-tool validate 文件.json [--purpose draft|pay|submit] [--json] [--lang zh_CN|en]

检查单个字段的值，或检查一份完整的申请（JSON格式见 docs/application-json.md）。
字段可以是：uscc、tax-id、mobile、landline、phone、bank-account、quantity、title、
address、bank-name、recipient、unit-name、mailing-address。
值写作 - 时从标准输入读取（填写银行账号时请这样做）。
--purpose 指定申请需要完整到什么程度（默认：submit，即提交）。
--json 输出一个JSON对象，而不是文字。

退出状态：0 有效，1 无效，2 用法错误或文件无法读取。
</translation>
    </message>
    <message>
        <source>The file %1 cannot be read. Check the name and that you may read it.</source>
        <translation>无法读取文件%1。请检查文件名，并确认您有读取权限。</translation>
    </message>
    <message>
        <source>The file %1 is not valid JSON: %2 at character %3. Fix the file and try again.</source>
        <translation>文件%1不是有效的JSON：第%3个字符处%2。请修正文件后重试。</translation>
    </message>
    <message>
        <source>The file %1 does not hold a JSON object. An application is one JSON object; see docs/application-json.md.</source>
        <translation>文件%1中不是JSON对象。一份申请是一个JSON对象，请参阅 docs/application-json.md。</translation>
    </message>
    <message>
        <source>The application in %1 is valid.</source>
        <translation>文件%1中的申请有效。</translation>
    </message>
    <message>
        <source>The option %1 needs a value.</source>
        <translation>选项%1需要一个值。</translation>
    </message>
    <message>
        <source>The option %1 is unknown.</source>
        <translation>未知选项%1。</translation>
    </message>
    <message>
        <source>The field name &apos;%1&apos; is unknown. Use one of the fields listed below.</source>
        <translation>未知字段名“%1”。请使用下面列出的字段之一。</translation>
    </message>
    <message>
        <source>The option --purpose applies to an application file, not to --field.</source>
        <translation>选项--purpose只用于申请文件，不能与--field一起使用。</translation>
    </message>
    <message>
        <source>The value to check is missing. Give it after the field name, in quotes if it contains spaces.</source>
        <translation>缺少要检查的值。请写在字段名之后；值中有空格时请加引号。</translation>
    </message>
    <message>
        <source>More than one value was given. Put a value that contains spaces in quotes.</source>
        <translation>给出了不止一个值。含有空格的值请加引号。</translation>
    </message>
    <message>
        <source>The purpose &apos;%1&apos; is unknown. Use draft, pay or submit.</source>
        <translation>未知的检查目的“%1”。请使用draft、pay或submit。</translation>
    </message>
    <message>
        <source>Nothing to check. Give --field FIELD VALUE or the name of an application JSON file.</source>
        <translation>没有要检查的内容。请给出 --field 字段 值，或一个申请JSON文件的文件名。</translation>
    </message>
    <message>
        <source>Give one application JSON file at a time.</source>
        <translation>一次只能检查一个申请JSON文件。</translation>
    </message>
</context>
<context>
    <name>ca::ui::ApplicationDetailsDialog</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>电子件名称</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Application details — %1</source>
        <translation>申请详情 — %1</translation>
    </message>
    <message>
        <source>Application %1 · %2 · %3 · review: %4 · payment: %5%6</source>
        <translation>申请%1 · %2 · %3 · 审核：%4 · 支付：%5%6</translation>
    </message>
    <message>
        <source> · handling: %1</source>
        <translation> · 办理：%1</translation>
    </message>
    <message>
        <source>Unit name:</source>
        <translation>单位名称：</translation>
    </message>
    <message>
        <source>Unified social credit code:</source>
        <translation>统一社会信用代码：</translation>
    </message>
    <message>
        <source>Unit type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Application type:</source>
        <translation>ca费用类别：</translation>
    </message>
    <message>
        <source>Number of keys:</source>
        <translation>CA数量：</translation>
    </message>
    <message>
        <source>Fee:</source>
        <translation>支付费用：</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1元</translation>
    </message>
    <message>
        <source>Pickup:</source>
        <translation>取锁方式：</translation>
    </message>
    <message>
        <source>Mailing address:</source>
        <translation>CA邮寄地址：</translation>
    </message>
    <message>
        <source>Recipient name:</source>
        <translation>收件人姓名：</translation>
    </message>
    <message>
        <source>Recipient phone:</source>
        <translation>收件人联系电话：</translation>
    </message>
    <message>
        <source>USB key serial:</source>
        <translation>CA锁序列号：</translation>
    </message>
    <message>
        <source>Certificate serial:</source>
        <translation>证书序列号：</translation>
    </message>
    <message>
        <source>Certificate subject:</source>
        <translation>证书主题：</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>有效期至：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>更新时间：</translation>
    </message>
    <message>
        <source>Invoice type:</source>
        <translation>发票类型：</translation>
    </message>
    <message>
        <source>Invoice title (unit name):</source>
        <translation>开票单位名称：</translation>
    </message>
    <message>
        <source>Tax ID:</source>
        <translation>税号：</translation>
    </message>
    <message>
        <source>Unit address:</source>
        <translation>单位地址：</translation>
    </message>
    <message>
        <source>Unit phone:</source>
        <translation>单位电话：</translation>
    </message>
    <message>
        <source>Mobile for the invoice notice:</source>
        <translation>手机号码（发票申请成功后通知接收手机）：</translation>
    </message>
    <message>
        <source>Bank:</source>
        <translation>开户银行：</translation>
    </message>
    <message>
        <source>Bank account:</source>
        <translation>银行账号：</translation>
    </message>
    <message>
        <source>Payment status:</source>
        <translation>支付状态：</translation>
    </message>
    <message>
        <source>Order number:</source>
        <translation>订单号：</translation>
    </message>
    <message>
        <source>Payment channel:</source>
        <translation>支付方式：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Order status:</source>
        <translation>订单状态：</translation>
    </message>
    <message>
        <source>Ordered at:</source>
        <translation>下单时间：</translation>
    </message>
    <message>
        <source>Paid at:</source>
        <translation>支付时间：</translation>
    </message>
    <message>
        <source>Handling status:</source>
        <translation>办理状态：</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未办理</translation>
    </message>
    <message>
        <source>Carrier:</source>
        <translation>快递公司：</translation>
    </message>
    <message>
        <source>Tracking number:</source>
        <translation>快递单号：</translation>
    </message>
    <message>
        <source>Shipped at:</source>
        <translation>发货时间：</translation>
    </message>
    <message>
        <source>Received at:</source>
        <translation>签收时间：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>The key is handed over on site; no receipt confirmation is needed.</source>
        <translation>CA锁为现场交付，无需确认签收。</translation>
    </message>
    <message>
        <source>Confirm that the mailed key has arrived.</source>
        <translation>确认已收到邮寄的CA锁。</translation>
    </message>
    <message>
        <source>The e-invoice is available once the fee has been paid.</source>
        <translation>缴费后即可获取电子发票。</translation>
    </message>
    <message>
        <source>Confirm receipt</source>
        <translation>确认签收</translation>
    </message>
    <message>
        <source>Confirm that the USB key(s) sent with tracking number %1 have arrived?</source>
        <translation>确认已收到快递单号为%1的CA锁吗？</translation>
    </message>
    <message>
        <source>Confirming receipt…</source>
        <translation>正在确认签收…</translation>
    </message>
    <message>
        <source>Receipt confirmed. Thank you.</source>
        <translation>已确认签收，谢谢。</translation>
    </message>
    <message>
        <source>e-invoice-%1.pdf</source>
        <translation>电子发票-%1.pdf</translation>
    </message>
    <message>
        <source>Save the e-invoice</source>
        <translation>保存电子发票</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Downloading the e-invoice…</source>
        <translation>正在下载电子发票…</translation>
    </message>
    <message>
        <source>The e-invoice opens in your PDF viewer.</source>
        <translation>电子发票将在PDF阅读器中打开。</translation>
    </message>
    <message>
        <source>No PDF viewer could be opened. The e-invoice was saved as %1.</source>
        <translation>无法打开PDF阅读器。电子发票已保存为%1。</translation>
    </message>
    <message>
        <source>The e-invoice was saved as %1.</source>
        <translation>电子发票已保存为%1。</translation>
    </message>
    <message>
        <source>Write to &amp;key</source>
        <translation>写入CA锁(&amp;K)</translation>
    </message>
    <message>
        <source>Write the certificate of this application to the USB key</source>
        <translation>将此申请的证书写入CA锁</translation>
    </message>
    <message>
        <source>Write the renewed or changed certificate to the USB key now.</source>
        <translation>现在将续期或变更后的证书写入CA锁。</translation>
    </message>
</context>
<context>
    <name>ca::ui::ApplicationListModel</name>
    <message>
        <source>This draft is saved on this computer only; it is sent to the platform when you save it in the wizard while online.</source>
        <translation>该草稿仅保存在本机；联网时在向导中保存，即会发送到平台。</translation>
    </message>
    <message>
        <source>This application has changes saved on this computer that are not on the platform yet.</source>
        <translation>该申请有仅保存在本机、尚未同步到平台的修改。</translation>
    </message>
    <message>
        <source>%1 (on this computer only)</source>
        <translation>%1（仅在本机）</translation>
    </message>
    <message>
        <source>New application</source>
        <translation>新申请</translation>
    </message>
    <message>
        <source>%1 (unsaved changes)</source>
        <translation>%1（有未保存的修改）</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1元</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Application type</source>
        <translation>办理类别</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>CA数量</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>CA费用</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>支付状态</translation>
    </message>
    <message>
        <source>Handling status</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>ca::ui::ApplicationWizard</name>
    <message>
        <source>CA application</source>
        <translation>CA申请</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>修改保存(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;ubmit</source>
        <translation>提交信息(&amp;U)</translation>
    </message>
    <message>
        <source>Save the application to the platform without submitting it for review.</source>
        <translation>将申请保存到平台，但不提交审核。</translation>
    </message>
    <message>
        <source>Your changes could not be saved on this computer: %1 They are still in this window.</source>
        <translation>您的修改无法保存在本机：%1 修改内容仍保留在此窗口中。</translation>
    </message>
    <message>
        <source>Saved to the platform as application %1. It has not been submitted for review yet.</source>
        <translation>已保存到平台，申请编号%1。尚未提交审核。</translation>
    </message>
    <message>
        <source>Your changes to application %1 were saved to the platform.</source>
        <translation>对申请%1的修改已保存到平台。</translation>
    </message>
    <message>
        <source>The platform cannot be reached. Everything is kept on this computer and will be saved to the platform when the connection is back.</source>
        <translation>无法连接平台。所有内容都保存在本机，连接恢复后会保存到平台。</translation>
    </message>
    <message>
        <source>The platform can be reached again; your changes are being saved.</source>
        <translation>平台已恢复连接，正在保存您的修改。</translation>
    </message>
    <message>
        <source>Loading application %1 from the platform…</source>
        <translation>正在从平台加载申请%1…</translation>
    </message>
    <message>
        <source>The platform cannot be reached; you are editing the copy kept on this computer. It will be saved to the platform when the connection is back.</source>
        <translation>无法连接平台；您正在编辑本机保存的副本，连接恢复后会保存到平台。</translation>
    </message>
    <message>
        <source>The bank account number could not be read back on this computer. Please type it again.</source>
        <translation>本机无法读取已保存的银行账号。请重新填写。</translation>
    </message>
    <message>
        <source>Submit the application for review (after paying).</source>
        <translation>提交申请等待审核（缴费之后）。</translation>
    </message>
    <message>
        <source>Submit the application for review.</source>
        <translation>提交申请等待审核。</translation>
    </message>
    <message>
        <source>Notice and consent</source>
        <translation>告知及确认书</translation>
    </message>
    <message>
        <source>Kind of application</source>
        <translation>办理类别</translation>
    </message>
    <message>
        <source>Order information</source>
        <translation>订单信息</translation>
    </message>
    <message>
        <source>Invoice information</source>
        <translation>开票信息</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>CA办理电子件</translation>
    </message>
    <message>
        <source>Check and submit</source>
        <translation>检查并提交</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>CA费用支付</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>信息汇总</translation>
    </message>
    <message>
        <source>Step %1/%2 · %3</source>
        <translation>第%1/%2步 · %3</translation>
    </message>
    <message>
        <source>Application %1 is saved on the platform.</source>
        <translation>申请%1已保存在平台上。</translation>
    </message>
    <message>
        <source>Saving to the platform…</source>
        <translation>正在保存到平台…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>The application cannot be submitted yet. Please complete the following; the wizard now shows the first of them:</source>
        <translation>申请暂时不能提交。请完善以下内容；向导现在显示的是其中第一项：</translation>
    </message>
    <message>
        <source>The application could not be saved to the platform, so it was not submitted. Everything is kept on this computer; try again when the connection is back.</source>
        <translation>申请无法保存到平台，因此未提交。所有内容都保存在本机；请在连接恢复后重试。</translation>
    </message>
    <message>
        <source>Submitting application %1…</source>
        <translation>正在提交申请%1…</translation>
    </message>
</context>
<context>
    <name>ca::ui::AttachmentRow</name>
    <message>
        <source>Choose a file for %1</source>
        <translation>为“%1”选择文件</translation>
    </message>
    <message>
        <source>No file yet</source>
        <translation>尚无文件</translation>
    </message>
    <message>
        <source>No file yet. Drop a file here or choose one.</source>
        <translation>尚无文件。请将文件拖到这里，或点击选择。</translation>
    </message>
    <message>
        <source>Uploading… %1%</source>
        <translation>正在上传… %1%</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>Image, %1</source>
        <translation>图片，%1</translation>
    </message>
    <message numerus="yes">
        <source>PDF, %n page(s)</source>
        <translation>
            <numerusform>PDF，%n页</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Choose a scan</source>
        <translation>选择扫描件</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>扫描件 (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>替换…</translation>
    </message>
</context>
<context>
    <name>ca::ui::AttachmentsPage</name>
    <message>
        <source>upload failed</source>
        <translation>上传失败</translation>
    </message>
    <message>
        <source>waiting to upload</source>
        <translation>等待上传</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>已上传</translation>
    </message>
    <message>
        <source>The file %1 cannot be read. Choose another file.</source>
        <translation>无法读取文件%1。请选择其他文件。</translation>
    </message>
    <message>
        <source>Saving the application to the platform before the upload…</source>
        <translation>上传前正在将申请保存到平台…</translation>
    </message>
    <message>
        <source>The file is kept on this computer and will be uploaded once the application is saved to the platform.</source>
        <translation>文件保存在本机，申请保存到平台后将自动上传。</translation>
    </message>
    <message>
        <source>uploading</source>
        <translation>上传中</translation>
    </message>
    <message>
        <source>CA application form.pdf</source>
        <translation>CA证书申请表.pdf</translation>
    </message>
    <message>
        <source>Authorisation letter.pdf</source>
        <translation>授权委托书.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the application form template</source>
        <translation>保存申请表模板</translation>
    </message>
    <message>
        <source>Save the authorisation letter template</source>
        <translation>保存授权书模板</translation>
    </message>
    <message>
        <source>Downloading the application form template…</source>
        <translation>正在下载申请表模板…</translation>
    </message>
    <message>
        <source>Downloading the authorisation letter template…</source>
        <translation>正在下载授权书模板…</translation>
    </message>
    <message>
        <source>The application form template was saved as %1. Print it, fill it in, stamp it and upload the scan below.</source>
        <translation>申请表模板已保存为%1。请打印、填写并加盖公章后，在下方上传扫描件。</translation>
    </message>
    <message>
        <source>The authorisation letter template was saved as %1. Print it, fill it in, stamp it and upload the scan below.</source>
        <translation>授权书模板已保存为%1。请打印、填写并加盖公章后，在下方上传扫描件。</translation>
    </message>
    <message>
        <source>The application form template could not be downloaded: %1</source>
        <translation>无法下载申请表模板：%1</translation>
    </message>
    <message>
        <source>The authorisation letter template could not be downloaded: %1</source>
        <translation>无法下载授权书模板：%1</translation>
    </message>
</context>
<context>
    <name>ca::ui::ClientContext</name>
    <message>
        <source>No platform server is set. Open Settings and enter the server address the CA centre gave you.</source>
        <translation>尚未设置平台服务器。请打开“设置”，填写CA中心提供的服务器地址。</translation>
    </message>
    <message>
        <source>The server address %1 does not start with https://. Open Settings and enter the secure address.</source>
        <translation>服务器地址%1不是以https://开头。请打开“设置”，填写安全地址。</translation>
    </message>
</context>
<context>
    <name>ca::ui::FieldEdit</name>
    <message>
        <source>Will be saved as: %1</source>
        <translation>将保存为：%1</translation>
    </message>
    <message>
        <source>Full-width characters were converted to half-width ones.</source>
        <translation>全角字符已转换为半角字符。</translation>
    </message>
</context>
<context>
    <name>ca::ui::InvoicePage</name>
    <message>
        <source>Invoice title</source>
        <translation>开票单位名称</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <source>Unit address</source>
        <translation>单位地址</translation>
    </message>
    <message>
        <source>Unit phone</source>
        <translation>单位电话</translation>
    </message>
    <message>
        <source>Mobile for the invoice notice</source>
        <translation>发票通知手机号码</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Bank account number</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>A special VAT invoice needs every field below: title, tax ID, unit address, unit phone, mobile, bank and account number.</source>
        <translation>开具专票需要填写以下全部内容：开票单位名称、税号、单位地址、单位电话、手机号码、开户银行和银行账号。</translation>
    </message>
    <message>
        <source>An ordinary invoice needs the title, the tax ID (an enterprise) and the mobile that receives the invoice notice; the other fields are optional.</source>
        <translation>开具普票需要填写开票单位名称、税号（企业）和接收发票通知的手机号码；其他内容可不填。</translation>
    </message>
    <message>
        <source>Unit a&amp;ddress:</source>
        <translation>单位地址(&amp;D)：</translation>
    </message>
    <message>
        <source>Unit &amp;phone:</source>
        <translation>单位电话(&amp;P)：</translation>
    </message>
    <message>
        <source>Bank a&amp;ccount number:</source>
        <translation>银行账号(&amp;C)：</translation>
    </message>
    <message>
        <source>Ban&amp;k:</source>
        <translation>开户银行(&amp;K)：</translation>
    </message>
</context>
<context>
    <name>ca::ui::LoginDialog</name>
    <message>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <source>(no server set: open Settings)</source>
        <translation>（未设置服务器：请打开“设置”）</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords. Wait until the time the platform names or call the CA helpdesk. The platform says: %1</source>
        <translation>密码错误次数过多，该账号已被锁定。请等到平台提示的时间后再试，或致电CA服务热线。平台提示：%1</translation>
    </message>
    <message>
        <source>The user name or password is wrong. Check both (and the Caps Lock key) and try again.</source>
        <translation>用户名或密码错误。请核对两者（并检查大写锁定键）后重试。</translation>
    </message>
    <message>
        <source>The server %1 could not be verified (%2), so no password was sent. If your organisation uses its own certificate authority, choose its CA bundle in Settings.</source>
        <translation>无法验证服务器%1（%2），因此未发送密码。如果贵单位使用自己的证书颁发机构，请在“设置”中选择其CA证书文件。</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached. Check the network connection and the server address in Settings, then try again.</source>
        <translation>无法连接服务器%1。请检查网络连接和“设置”中的服务器地址，然后重试。</translation>
    </message>
    <message>
        <source>The login failed. Try again later.</source>
        <translation>登录失败。请稍后重试。</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Logging in to %1…</source>
        <translation>正在登录%1…</translation>
    </message>
    <message>
        <source>Reading the platform settings…</source>
        <translation>正在读取平台设置…</translation>
    </message>
    <message>
        <source>Logged in, but the platform settings could not be read: %1</source>
        <translation>已登录，但无法读取平台设置：%1</translation>
    </message>
</context>
<context>
    <name>ca::ui::MainWindow</name>
    <message>
        <source>Editing</source>
        <translation>编辑中</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>审核不通过</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>未支付</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>已办理</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>The platform cannot be reached.</source>
        <translation>无法连接平台。</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>支付状态</translation>
    </message>
    <message>
        <source>%1 · %2 · logged in as %3</source>
        <translation>%1 · %2 · 当前登录：%3</translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>（无单位）</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>pay first, then review</source>
        <translation>先支付后审核</translation>
    </message>
    <message>
        <source>review first, then pay</source>
        <translation>先审核后支付</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>CA Certificate Assistant — %1</source>
        <translation>CA证书助手 — %1</translation>
    </message>
    <message>
        <source>CA Certificate Assistant</source>
        <translation>CA证书助手</translation>
    </message>
    <message>
        <source>CA Payment</source>
        <translation>CA支付</translation>
    </message>
    <message>
        <source>Steps: 1. New — fill in and save the application. 2. Submit — enter a comment and confirm. 3. After approval, pay under CA Payment. 4. A mailed key: confirm receipt in View details.</source>
        <translation>步骤：1. 新增——填写并保存申请。2. 提交——输入意见并确认提交。3. 审核通过后，在“CA支付”中缴费。4. 邮寄的CA锁：在“查看详情”中确认签收。</translation>
    </message>
    <message>
        <source>Steps: 1. Pay online. 2. Refresh the payment status. 3. Submit. The unit knows that because of the nature of CA certificates, once paid, the application cannot be cancelled or refunded.</source>
        <translation>步骤：1. 网上支付。2. 刷新支付状态。3. 提交信息。本机构已知晓由于CA证书的特殊性，一旦缴费，不能退办。</translation>
    </message>
    <message>
        <source>Start a new CA application.</source>
        <translation>新增一份CA申请。</translation>
    </message>
    <message>
        <source>Select an application in the list first.</source>
        <translation>请先在列表中选择一份申请。</translation>
    </message>
    <message>
        <source>Open the application in the wizard to change it.</source>
        <translation>在向导中打开申请进行修改。</translation>
    </message>
    <message>
        <source>Delete this application (asks first).</source>
        <translation>删除该申请（会先确认）。</translation>
    </message>
    <message>
        <source>Log in to the platform to submit the application.</source>
        <translation>请登录平台后提交申请。</translation>
    </message>
    <message>
        <source>Send the application to the CA centre for review, with a comment.</source>
        <translation>将申请连同意见提交CA中心审核。</translation>
    </message>
    <message>
        <source>This draft is on this computer only. Open it with Edit and save it to the platform before paying.</source>
        <translation>该草稿仅在本机。请先用“修改”打开并保存到平台，再缴费。</translation>
    </message>
    <message>
        <source>Pay the fee online.</source>
        <translation>网上缴费。</translation>
    </message>
    <message>
        <source>This draft is on this computer only and has no platform record yet. Open it with Edit.</source>
        <translation>该草稿仅在本机，平台上还没有记录。请用“修改”打开。</translation>
    </message>
    <message>
        <source>Show every field, the approval record, payment and handling.</source>
        <translation>显示全部字段、流程审批记录、支付和办理情况。</translation>
    </message>
    <message>
        <source>Loading the applications…</source>
        <translation>正在加载申请…</translation>
    </message>
    <message numerus="yes">
        <source>%n application(s) loaded.</source>
        <translation>
            <numerusform>已加载%n份申请。</numerusform>
        </translation>
    </message>
    <message>
        <source>Application %1 of %2: the review status is now &quot;%3&quot;.</source>
        <translation>%2的申请%1：审核状态已变为“%3”。</translation>
    </message>
    <message>
        <source>Application %1 of %2: the payment status is now &quot;%3&quot;.</source>
        <translation>%2的申请%1：支付状态已变为“%3”。</translation>
    </message>
    <message>
        <source>Application %1 of %2: the handling status is now &quot;%3&quot;.</source>
        <translation>%2的申请%1：办理状态已变为“%3”。</translation>
    </message>
    <message>
        <source>CA application status</source>
        <translation>CA申请状态</translation>
    </message>
    <message>
        <source>CA application</source>
        <translation>CA申请</translation>
    </message>
    <message>
        <source>The application wizard is not part of this build.</source>
        <translation>此版本不包含申请向导。</translation>
    </message>
    <message>
        <source>Edit application</source>
        <translation>修改申请</translation>
    </message>
    <message>
        <source>Delete application</source>
        <translation>删除申请</translation>
    </message>
    <message>
        <source>a new unit</source>
        <translation>新单位</translation>
    </message>
    <message>
        <source>Delete the draft application of %1 (%2) saved on this computer? This cannot be undone.</source>
        <translation>要删除保存在本机的%1（%2）的申请草稿吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete application %1 of %2 (%3) from the platform? This cannot be undone.</source>
        <translation>要从平台删除%2的申请%1（%3）吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>The draft was deleted.</source>
        <translation>草稿已删除。</translation>
    </message>
    <message>
        <source>Deleting application %1…</source>
        <translation>正在删除申请%1…</translation>
    </message>
    <message>
        <source>Application %1 was deleted.</source>
        <translation>申请%1已删除。</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>This application has changes saved on this computer only. Open it in the wizard to save it to the platform and submit it there?</source>
        <translation>该申请有仅保存在本机的修改。要在向导中打开，保存到平台后再提交吗？</translation>
    </message>
    <message>
        <source>Open in the wizard</source>
        <translation>在向导中打开</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>……另外还有%n项。</numerusform>
        </translation>
    </message>
    <message>
        <source>The application cannot be submitted yet:</source>
        <translation>该申请暂时不能提交：</translation>
    </message>
    <message>
        <source>Open it in the wizard at the first problem?</source>
        <translation>要在向导中打开并定位到第一个问题吗？</translation>
    </message>
    <message>
        <source>Open at the problem</source>
        <translation>定位到问题</translation>
    </message>
    <message>
        <source>Submitting application %1…</source>
        <translation>正在提交申请%1…</translation>
    </message>
    <message>
        <source>Application %1 was submitted and waits for review.</source>
        <translation>申请%1已提交，等待审核。</translation>
    </message>
    <message>
        <source>Pay online</source>
        <translation>网上支付</translation>
    </message>
    <message>
        <source>(Request number for the helpdesk: %1.)</source>
        <translation>（供服务热线查询的请求编号：%1。）</translation>
    </message>
    <message>
        <source>Settings saved. A new server applies at the next login; a new language at the next start.</source>
        <translation>设置已保存。新服务器在下次登录时生效；新语言在下次启动时生效。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>CA Certificate Assistant %1
Apply for CA certificates (USB keys) on the procurement platform, pay, follow the review and look after your keys.</source>
        <translation>CA证书助手 %1
在采购平台上申请CA证书（CA锁）、缴费、跟踪审核进度并管理您的CA锁。</translation>
    </message>
    <message>
        <source>Write to &amp;key</source>
        <translation>写入CA锁(&amp;K)</translation>
    </message>
    <message>
        <source>Write the certificate of the selected application to the USB key</source>
        <translation>将所选申请的证书写入CA锁</translation>
    </message>
    <message>
        <source>Only a renewal or change application is written to the USB key here; the centre makes the key of the other kinds.</source>
        <translation>此处只能写入延期续费或信息变更申请的证书；其他类型的CA锁由CA中心制作。</translation>
    </message>
    <message>
        <source>The application must be approved before its certificate can be written to the USB key.</source>
        <translation>申请审核通过后才能将其证书写入CA锁。</translation>
    </message>
    <message>
        <source>The certificate of this application has already been written to the key.</source>
        <translation>此申请的证书已写入CA锁。</translation>
    </message>
    <message>
        <source>Pay the fee first: the certificate is written to the key once the payment is settled.</source>
        <translation>请先缴费：缴费成功后才能将证书写入CA锁。</translation>
    </message>
    <message>
        <source>The USB key service is not available. Restart the program.</source>
        <translation>CA锁服务不可用。请重新启动程序。</translation>
    </message>
    <message>
        <source>Write the renewed or changed certificate to the USB key now.</source>
        <translation>现在将续期或变更后的证书写入CA锁。</translation>
    </message>
    <message>
        <source>A new renewal application for the certificate on USB key %1 was started.</source>
        <translation>已为CA锁%1中的证书新建延期续费申请。</translation>
    </message>
    <message>
        <source>The certificate of this application is already on USB key %1.</source>
        <translation>此申请的证书已在CA锁%1中。</translation>
    </message>
    <message>
        <source>The certificate of this application has expired; apply for a renewal instead.</source>
        <translation>此申请的证书已过期，请改为申请延期续费。</translation>
    </message>
    <message>
        <source>USB key %1 already holds the certificate of a later application (%2) of this unit.</source>
        <translation>CA锁%1中已有本单位较新申请（%2）的证书。</translation>
    </message>
    <message>
        <source>USB key %1 already holds a newer certificate of this unit than the one of this application.</source>
        <translation>CA锁%1中已有比此申请更新的本单位证书。</translation>
    </message>
    <message>
        <source>Insert the USB key: the certificate of this application was issued and is written to the key once the key is inserted.</source>
        <translation>请插入CA锁：此申请的证书已签发，插入CA锁后即可写入。</translation>
    </message>
    <message>
        <source>Application %1 (%2) for this certificate is already under way; it was opened instead of a new one.</source>
        <translation>此证书的申请%1（%2）已在办理中，已为您打开该申请，未新建申请。</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>USB key in use</source>
        <translation>CA锁正在使用</translation>
    </message>
    <message>
        <source>A certificate is being written to the USB key or its PIN is being reset. Keep the key inserted and close the program when the key window shows the result.</source>
        <translation>正在向CA锁写入证书或重置其PIN码。请保持CA锁插入，待CA锁窗口显示结果后再关闭程序。</translation>
    </message>
</context>
<context>
    <name>ca::ui::NoticePage</name>
    <message>
        <source>Notice and confirmation for handling CA certificates online</source>
        <translation>CA网上办理告知及确认书</translation>
    </message>
    <message>
        <source>The platform did not send its notice. Check the connection and open the wizard again.</source>
        <translation>平台没有发送告知书。请检查网络连接后重新打开向导。</translation>
    </message>
</context>
<context>
    <name>ca::ui::OfflineBanner</name>
    <message>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>The platform cannot be reached. The list shows what was last loaded; drafts are kept on this computer and sent when the connection is back.</source>
        <translation>无法连接平台。列表显示的是上次加载的内容；草稿保存在本机，连接恢复后会自动发送。</translation>
    </message>
    <message>
        <source>The platform %1 cannot be reached. The list shows what was last loaded; drafts are kept on this computer and sent when the connection is back.</source>
        <translation>无法连接平台%1。列表显示的是上次加载的内容；草稿保存在本机，连接恢复后会自动发送。</translation>
    </message>
</context>
<context>
    <name>ca::ui::OrderPage</name>
    <message>
        <source>Mailing address</source>
        <translation>邮寄地址</translation>
    </message>
    <message>
        <source>Recipient name</source>
        <translation>收件人姓名</translation>
    </message>
    <message>
        <source>Recipient phone</source>
        <translation>收件人联系电话</translation>
    </message>
    <message>
        <source>Fee to pay: %1 yuan (excluding handling charges)</source>
        <translation>支付费用：%1元（不含手续费）</translation>
    </message>
    <message>
        <source>The unit name and the unified social credit code come from your unit&apos;s record on the platform. To change them, make a &quot;%1&quot; application.</source>
        <translation>单位名称和统一社会信用代码取自贵单位在平台上的登记信息。如需更改，请办理“%1”申请。</translation>
    </message>
</context>
<context>
    <name>ca::ui::PaymentDialog</name>
    <message>
        <source>Loading application %1…</source>
        <translation>正在加载申请%1…</translation>
    </message>
    <message>
        <source>The platform sent an application this program cannot read.</source>
        <translation>平台发来的申请数据本程序无法读取。</translation>
    </message>
    <message>
        <source>Application %1 · %2 · %3</source>
        <translation>申请%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>ca::ui::PaymentPage</name>
    <message>
        <source>Complete these before paying:</source>
        <translation>缴费前请先完善以下内容：</translation>
    </message>
</context>
<context>
    <name>ca::ui::PaymentWidget</name>
    <message>
        <source>Checking the payment status…</source>
        <translation>正在查询支付状态…</translation>
    </message>
    <message>
        <source>The cashier address was copied. Paste it into your web browser&apos;s address bar.</source>
        <translation>收银台地址已复制。请粘贴到浏览器的地址栏中。</translation>
    </message>
    <message>
        <source>Requesting a new QR code…</source>
        <translation>正在获取新的二维码…</translation>
    </message>
    <message>
        <source>Payment received. You can now submit the application (3. Submit).</source>
        <translation>支付成功。现在可以提交申请（3. 提交信息）。</translation>
    </message>
    <message>
        <source>Fee to pay: %1 yuan (excluding handling charges)</source>
        <translation>支付费用：%1元（不含手续费）</translation>
    </message>
    <message>
        <source>This application is paid.</source>
        <translation>该申请已支付。</translation>
    </message>
    <message>
        <source>Tick the non-refund acknowledgement first.</source>
        <translation>请先勾选不退办确认。</translation>
    </message>
    <message>
        <source>Save the application to the platform first (Save changes).</source>
        <translation>请先将申请保存到平台（修改保存）。</translation>
    </message>
    <message>
        <source>Opening the payment order…</source>
        <translation>正在创建支付订单…</translation>
    </message>
    <message>
        <source>Order %1 is waiting for payment. Scan the QR code with WeChat.</source>
        <translation>订单%1等待支付。请用微信扫描二维码。</translation>
    </message>
    <message>
        <source>Order %1 is waiting for payment in the cashier page.</source>
        <translation>订单%1正在收银台页面等待支付。</translation>
    </message>
    <message>
        <source>The QR code has expired.</source>
        <translation>二维码已过期。</translation>
    </message>
    <message>
        <source>Valid for %1:%2</source>
        <translation>有效时间 %1:%2</translation>
    </message>
    <message>
        <source>Order %1 expired without payment. Click &quot;New QR code&quot; to pay with a new order.</source>
        <translation>订单%1已过期且未支付。请点击“刷新二维码”，用新订单支付。</translation>
    </message>
    <message>
        <source>No payment has been received for this application yet.</source>
        <translation>该申请尚未收到付款。</translation>
    </message>
</context>
<context>
    <name>ca::ui::PinChangeDialog</name>
    <message>
        <source>USB key %1, serial number %2.</source>
        <translation>CA锁“%1”，序列号%2。</translation>
    </message>
    <message>
        <source>The new PIN must have from %1 to %2 characters, and must differ from the current PIN.</source>
        <translation>新PIN码须为%1至%2个字符，且不能与当前PIN码相同。</translation>
    </message>
    <message>
        <source>The new PIN must have at least %1 characters, and must differ from the current PIN.</source>
        <translation>新PIN码至少须有%1个字符，且不能与当前PIN码相同。</translation>
    </message>
    <message>
        <source>The PIN of this key is in order: no wrong PIN has been entered since the last correct one.</source>
        <translation>该CA锁的PIN码状态正常：自上次输入正确后没有输错过。</translation>
    </message>
    <message>
        <source>This key has a PIN pad: after you click Change PIN, type the current PIN and the new PIN twice on the key&apos;s reader.</source>
        <translation>该CA锁带有密码键盘：点击“修改PIN码”后，请在读卡器上输入当前PIN码，再输入两次新PIN码。</translation>
    </message>
    <message>
        <source>Enter the current PIN of the key.</source>
        <translation>请输入CA锁的当前PIN码。</translation>
    </message>
    <message>
        <source>The new PIN is the same as the current PIN. Choose a different PIN.</source>
        <translation>新PIN码与当前PIN码相同。请设置不同的PIN码。</translation>
    </message>
    <message>
        <source>Type the current PIN and the new PIN on the key&apos;s reader now…</source>
        <translation>请现在在读卡器上输入当前PIN码和新PIN码…</translation>
    </message>
    <message>
        <source>Changing the PIN on the key…</source>
        <translation>正在修改CA锁的PIN码…</translation>
    </message>
    <message>
        <source>The PIN was changed. Use the new PIN from now on; the certificates on the key are unchanged.</source>
        <translation>PIN码已修改。今后请使用新PIN码；CA锁中的证书没有变化。</translation>
    </message>
    <message>
        <source>The current PIN is wrong; the PIN was not changed.</source>
        <translation>当前PIN码错误，PIN码未修改。</translation>
    </message>
    <message>
        <source>The PIN of the key is locked; it was not changed. Apply for a PIN reset to unlock the key.</source>
        <translation>CA锁的PIN码已被锁定，未作修改。请申请重置PIN码以解锁。</translation>
    </message>
    <message>
        <source>The key refused the new PIN (length or characters); the PIN was not changed. Choose another new PIN.</source>
        <translation>CA锁不接受新PIN码（长度或字符不符合要求），PIN码未修改。请另设一个新PIN码。</translation>
    </message>
    <message>
        <source>The key was removed; the PIN was not changed. Insert the key and try again.</source>
        <translation>CA锁已被拔出，PIN码未修改。请插入CA锁后重试。</translation>
    </message>
</context>
<context>
    <name>ca::ui::PinResetDialog</name>
    <message>
        <source>USB key %1, serial number %2.</source>
        <translation>CA锁“%1”，序列号%2。</translation>
    </message>
    <message>
        <source>&amp;Send a new code</source>
        <translation>重新发送验证码(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Send the verification code</source>
        <translation>发送验证码(&amp;S)</translation>
    </message>
    <message>
        <source>Asking the platform to send the verification code…</source>
        <translation>正在请求平台发送验证码…</translation>
    </message>
    <message>
        <source>A verification code was sent to the registered mobile %1. It is valid for 5 minutes; type it below with the new PIN.</source>
        <translation>验证码已发送到登记的手机%1，5分钟内有效；请在下面输入验证码和新PIN码。</translation>
    </message>
    <message>
        <source>The verification code has 6 digits; type the code from the text message.</source>
        <translation>验证码为6位数字；请输入短信中的验证码。</translation>
    </message>
    <message>
        <source>Checking the verification code with the platform…</source>
        <translation>正在向平台核对验证码…</translation>
    </message>
    <message>
        <source>The verification code has expired (codes are valid for 5 minutes). Send a new code and type the new one.</source>
        <translation>验证码已过期（验证码5分钟内有效）。请重新发送并输入新的验证码。</translation>
    </message>
    <message>
        <source>This PIN reset request was closed after 3 wrong codes. Send a new code to start again.</source>
        <translation>验证码输错3次，本次PIN码重置请求已关闭。请重新发送验证码后再试。</translation>
    </message>
    <message>
        <source>The USB key service is not available. Restart the program and try again.</source>
        <translation>CA锁服务不可用。请重新启动程序后重试。</translation>
    </message>
    <message>
        <source>Setting the new PIN on the key…</source>
        <translation>正在为CA锁设置新PIN码…</translation>
    </message>
    <message>
        <source>The PIN was reset and the key is unlocked. Use the new PIN from now on.</source>
        <translation>PIN码已重置，CA锁已解锁。今后请使用新PIN码。</translation>
    </message>
    <message>
        <source>The key was removed before the new PIN was set; the PIN is unchanged. Insert the key and send a new code.</source>
        <translation>设置新PIN码之前CA锁已被拔出，PIN码未改变。请插入CA锁并重新发送验证码。</translation>
    </message>
    <message>
        <source>This key has a PIN pad, but nothing is typed on the reader for the reset: the program hands the key the platform&apos;s unlock authorisation and the new PIN you type here. If the reader asks for a PIN all the same, cancel on the reader (nothing is changed then) and call the CA centre.</source>
        <translation>此CA锁带有密码键盘，但重置时无需在其上输入：程序会将平台下发的解锁授权和您在此输入的新PIN码交给CA锁。如果密码键盘仍要求输入PIN码，请在键盘上取消（此时不会作任何更改），并致电CA中心。</translation>
    </message>
    <message>
        <source>The administrator PIN of this USB key is locked or has only one try left, so the PIN cannot be reset here and nothing was changed. Call the CA centre.</source>
        <translation>此CA锁的管理员PIN码已锁定或只剩最后一次尝试机会，无法在此重置PIN码，未作任何更改。请致电CA中心。</translation>
    </message>
    <message numerus="yes">
        <source>The verification code is wrong; check the text message and type it again with the new PIN (%n try(s) left).</source>
        <translation>
            <numerusform>验证码错误，请核对短信后与新PIN码一起重新输入（还可尝试%n次）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The platform&apos;s answer held no unlock authorisation for this key, so nothing was changed. Call the CA centre and give them the request number %1.</source>
        <translation>平台的应答中没有此CA锁的解锁授权，未作任何更改。请致电CA中心并告知请求编号%1。</translation>
    </message>
    <message>
        <source>The platform&apos;s unlock authorisation does not fit this USB key, so nothing was changed on it. Do not try the reset again: each try uses up one of the key&apos;s few administrator tries. Call the CA centre and give them the request number %1.</source>
        <translation>平台下发的解锁授权与此CA锁不匹配，CA锁未作任何更改。请不要再次尝试重置：每次尝试都会消耗CA锁为数不多的管理员尝试次数。请致电CA中心并告知请求编号%1。</translation>
    </message>
    <message>
        <source>The administrator PIN of this USB key is locked or has only one try left, so the PIN cannot be reset here and nothing was changed. Call the CA centre and give them the request number %1.</source>
        <translation>此CA锁的管理员PIN码已锁定或只剩最后一次尝试机会，无法在此重置PIN码，未作任何更改。请致电CA中心并告知请求编号%1。</translation>
    </message>
    <message>
        <source>The PIN pad of this USB key did not accept the unlock sent from the computer, so nothing was changed. Call the CA centre and give them the request number %1.</source>
        <translation>此CA锁的密码键盘不接受从电脑发送的解锁信息，未作任何更改。请致电CA中心并告知请求编号%1。</translation>
    </message>
    <message>
        <source>The key did not accept the new PIN because of its length or characters; the PIN is unchanged. Send a new code and choose another new PIN.</source>
        <translation>新PIN码的长度或字符不符合CA锁要求，PIN码未更改。请重新获取验证码，并设置其他新PIN码。</translation>
    </message>
    <message>
        <source>The key refused the reset; the PIN is unchanged. Send a new code to try again; if it fails again, call the CA centre and give them the request number %1.</source>
        <translation>CA锁拒绝了重置，PIN码未更改。请重新获取验证码后再试；如再次失败，请致电CA中心并告知请求编号%1。</translation>
    </message>
</context>
<context>
    <name>ca::ui::QrCodeWidget</name>
    <message>
        <source>WeChat payment QR code</source>
        <translation>微信支付二维码</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
</context>
<context>
    <name>ca::ui::RegisterCaDialog</name>
    <message>
        <source>USB key %1, serial number %2.</source>
        <translation>CA锁“%1”，序列号%2。</translation>
    </message>
    <message>
        <source>The certificate is registered with an application of the kind &quot;%1&quot; of your unit that is being edited or processed. If there is none, a new one is created; add its scans and submit it afterwards.</source>
        <translation>证书将登记到贵单位正在编辑或办理中的“%1”申请；如果没有，将新建一个申请，之后请上传扫描件并提交。</translation>
    </message>
    <message>
        <source>The USB key service is not available. Restart the program and try again.</source>
        <translation>CA锁服务不可用。请重新启动程序后重试。</translation>
    </message>
    <message>
        <source>Reading the certificate from the USB key…</source>
        <translation>正在从CA锁读取证书…</translation>
    </message>
    <message>
        <source>The USB key was removed before its certificate could be read. Insert the key and open this window again.</source>
        <translation>读取证书前CA锁已被拔出。请插入CA锁后重新打开此窗口。</translation>
    </message>
    <message>
        <source>The certificate could not be read from the USB key: %1</source>
        <translation>无法从CA锁读取证书：%1</translation>
    </message>
    <message>
        <source>%1, valid until %2</source>
        <extracomment>one certificate of the key: holder (or unit) and the date it expires</extracomment>
        <translation>%1，有效期至%2</translation>
    </message>
    <message>
        <source>There is no certificate on this USB key, so there is nothing to register. Apply for a new certificate instead.</source>
        <translation>此CA锁中没有证书，无法登记。请改为申请新办证书。</translation>
    </message>
    <message>
        <source>(not in the certificate)</source>
        <translation>（证书中没有）</translation>
    </message>
    <message>
        <source>from %1 until %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>This certificate has expired; the platform registers only valid certificates. Apply for a renewal or a new certificate instead.</source>
        <translation>此证书已过期，平台只登记有效的证书。请改为申请延期续费或新办证书。</translation>
    </message>
    <message>
        <source>This certificate names %1, not your unit %2; the platform registers only your own unit&apos;s certificates.</source>
        <translation>此证书属于%1，而不是贵单位%2；平台只登记本单位的证书。</translation>
    </message>
    <message>
        <source>The applications could not be listed: %1</source>
        <translation>无法列出申请：%1</translation>
    </message>
    <message>
        <source>Application %1 (%2, created %3)</source>
        <extracomment>an application to register the certificate with: number, status, date it was created</extracomment>
        <translation>申请%1（%2，创建于%3）</translation>
    </message>
    <message>
        <source>A new application of the kind &quot;%1&quot;</source>
        <translation>新建“%1”申请</translation>
    </message>
    <message>
        <source>Creating the application of the kind &quot;%1&quot; on the platform…</source>
        <translation>正在平台上创建“%1”申请…</translation>
    </message>
    <message>
        <source>The application could not be created, so the certificate was not registered: %1</source>
        <translation>无法创建申请，证书未登记：%1</translation>
    </message>
    <message>
        <source>Sending the certificate to the platform for application %1…</source>
        <translation>正在为申请%1将证书发送到平台…</translation>
    </message>
    <message>
        <source>The certificate was registered with application %1. Open the application to add its scans and submit it for review.</source>
        <translation>证书已登记到申请%1。请打开该申请，上传扫描件并提交审核。</translation>
    </message>
    <message>
        <source>The platform does not trust the certificate authority that issued this certificate, so it was not registered. Register a certificate from a certificate authority the platform accepts, or apply for a new certificate.</source>
        <translation>平台不信任签发此证书的CA机构，证书未登记。请登记平台认可的CA机构签发的证书，或申请新办证书。</translation>
    </message>
    <message>
        <source>The certificate on the key has expired or is not valid yet, so it was not registered. Apply for a renewal or a new certificate instead.</source>
        <translation>CA锁中的证书已过期或尚未生效，未登记。请改为申请延期续费或新办证书。</translation>
    </message>
    <message>
        <source>The certificate names another unit, not %1 (%2), so it was not registered. Insert the USB key of your own unit.</source>
        <translation>此证书属于其他单位，而不是%1（%2），未登记。请插入本单位的CA锁。</translation>
    </message>
    <message>
        <source>The platform could not read the certificate from the key, so it was not registered. Read the key again; if this keeps happening, the certificate on the key is damaged.</source>
        <translation>平台无法读取CA锁中的证书，未登记。请重新读取CA锁；如果一直如此，说明CA锁中的证书已损坏。</translation>
    </message>
    <message>
        <source>This application can no longer take a certificate: only an existing-CA application that is being edited or processed can. Choose another application or a new one.</source>
        <translation>此申请已不能登记证书：只有正在编辑或办理中的已有CA申请才可以。请选择其他申请或新建申请。</translation>
    </message>
    <message>
        <source>This USB key holds only certificates of certificate authorities, not a certificate of your unit, so there is nothing to register. Apply for a new certificate instead.</source>
        <translation>此CA锁中只有CA机构的证书，没有贵单位的证书，无可登记。请改为申请新办证书。</translation>
    </message>
</context>
<context>
    <name>ca::ui::RenewalDialog</name>
    <message>
        <source>Renewal re-certifies the key you already have: a certificate request is made on the key with its current key pair, the platform issues the new certificate, and it is written to the key next to the old one. The old certificate is removed only after the new one has been checked on the key. The key pair stays, so bid files encrypted to the old certificate can still be opened.</source>
        <translation>延期续费为您现有的密钥重新签发证书：用CA锁中现有的密钥对生成证书请求，平台签发新证书，再将新证书写入CA锁中原证书旁。只有在新证书在CA锁中核验无误后，才会删除原证书。密钥对保持不变，因此用原证书加密的投标文件仍可打开。</translation>
    </message>
    <message>
        <source>A new key pair will be made on the key. Bid files that were encrypted to the old certificate cannot be opened with the new key: open or decrypt every pending bid file before you continue. The old key pair is kept on the key.</source>
        <translation>将在CA锁中生成新的密钥对。用原证书加密的投标文件无法用新密钥打开：请在继续之前打开或解密所有未完成的投标文件。原密钥对会保留在CA锁中。</translation>
    </message>
    <message>
        <source>Application %1: reading the application and the USB key…</source>
        <translation>申请%1：正在读取申请和CA锁…</translation>
    </message>
    <message>
        <source>Reading the application from the platform and the certificate from the USB key…</source>
        <translation>正在从平台读取申请，并从CA锁读取证书…</translation>
    </message>
    <message>
        <source>The USB key service is not available. Restart the program and try again.</source>
        <translation>CA锁服务不可用。请重新启动程序后重试。</translation>
    </message>
    <message>
        <source>The platform has already issued the certificate of application %1. It is now written to the USB key and checked there.</source>
        <translation>平台已签发申请%1的证书。现在将其写入CA锁并在CA锁中核验。</translation>
    </message>
    <message>
        <source>Application %1 (%2) is approved. The certificate with the changed unit data is now requested on the USB key, issued by the platform and written to the key.</source>
        <translation>申请%1（%2）已审核通过。现在将在CA锁中生成包含变更后单位信息的证书请求，由平台签发后写入CA锁。</translation>
    </message>
    <message>
        <source>Application %1 (%2) is approved. The certificate on the USB key is now renewed: requested on the key, issued by the platform and written to the key.</source>
        <translation>申请%1（%2）已审核通过。现在为CA锁中的证书续期：在CA锁中生成证书请求，由平台签发后写入CA锁。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, serial number %2</source>
        <translation>%1，序列号%2</translation>
    </message>
    <message>
        <source>None on the key</source>
        <translation>CA锁中没有</translation>
    </message>
    <message numerus="yes">
        <source>%1, serial number %2, valid until %3 (%n day(s) left)</source>
        <translation>
            <numerusform>%1，序列号%2，有效期至%3（剩余%n天）</numerusform>
        </translation>
    </message>
    <message>
        <source>This key has a PIN pad: when the key asks for it, type the PIN on the reader. Nothing is typed here.</source>
        <translation>此CA锁带有密码键盘：CA锁提示时，请在其上输入PIN码，此处无需输入。</translation>
    </message>
    <message numerus="yes">
        <source>Type the PIN of the USB key (at least %n character(s)); it is used for this renewal only and not kept.</source>
        <translation>
            <numerusform>请输入CA锁的PIN码（至少%n位）；仅用于本次写入，不会保存。</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the PIN of the USB key; it is used for this renewal only and not kept.</source>
        <translation>请输入CA锁的PIN码；仅用于本次写入，不会保存。</translation>
    </message>
    <message>
        <source>The PIN of this key is locked after too many wrong tries, so nothing can be written to it. Reset the PIN (密码重置 / 解锁) first; then write the certificate.</source>
        <translation>此CA锁的PIN码因错误次数过多已被锁定，无法写入。请先进行密码重置（解锁），然后再写入证书。</translation>
    </message>
    <message>
        <source>This key has no PIN set yet. Ask the certificate centre to initialise the key.</source>
        <translation>此CA锁尚未设置PIN码。请联系CA中心初始化CA锁。</translation>
    </message>
    <message>
        <source>Tick that you understand that old bid files cannot be opened with the new key.</source>
        <translation>请勾选确认您已了解原投标文件无法用新密钥打开。</translation>
    </message>
    <message>
        <source>The PIN is locked; reset the PIN first.</source>
        <translation>PIN码已锁定，请先重置PIN码。</translation>
    </message>
    <message>
        <source>Type the PIN of the USB key first.</source>
        <translation>请先输入CA锁的PIN码。</translation>
    </message>
    <message>
        <source>(in progress)</source>
        <translation>（进行中）</translation>
    </message>
    <message>
        <source>(failed)</source>
        <translation>（失败）</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Writing the certificate of application %1 to USB key %2. Keep the key inserted until every step is done.</source>
        <translation>正在将申请%1的证书写入CA锁%2。所有步骤完成前请勿拔出CA锁。</translation>
    </message>
    <message>
        <source>Trying again from the step that failed…</source>
        <translation>正在从失败的步骤重试…</translation>
    </message>
    <message>
        <source>Application %1 cannot be written to the USB key now.</source>
        <translation>申请%1现在不能写入CA锁。</translation>
    </message>
    <message numerus="yes">
        <source>The new certificate is on the key and checked. It is valid from %1 until %2 (%n day(s)). Use the key as before; the PIN has not changed.</source>
        <translation>
            <numerusform>新证书已写入CA锁并核验无误，有效期自%1至%2（%n天）。请照常使用CA锁，PIN码不变。</numerusform>
        </translation>
    </message>
    <message>
        <source>The certificate of application %1 was written to USB key %2.</source>
        <translation>申请%1的证书已写入CA锁%2。</translation>
    </message>
    <message>
        <source>Type the PIN again below before you click Retry.</source>
        <translation>请在下方重新输入PIN码，然后点击“重试”。</translation>
    </message>
    <message>
        <source>This key has a PIN pad: when the key asks for it, type the PIN on the reader. Nothing is typed here. The reader may ask twice: once when the certificate request is made on the key and once when the new certificate is written to it.</source>
        <translation>此CA锁带有密码键盘：CA锁提示时，请在其上输入PIN码，此处无需输入。密码键盘可能会提示两次：一次在CA锁中生成证书请求时，一次在写入新证书时。</translation>
    </message>
    <message>
        <source>The USB key inserted now (serial number %1) is not the key of this application. Insert USB key %2 of %3 and choose Retry.</source>
        <translation>当前插入的CA锁（序列号%1）不是此申请的CA锁。请插入%3的CA锁%2，然后选择“重试”。</translation>
    </message>
    <message>
        <source>The PIN of this key is now locked after too many wrong tries, so Retry is not possible. Reset the PIN (密码重置 / 解锁) first; then write the certificate to the key again from this window.</source>
        <translation>此CA锁的PIN码因错误次数过多现已锁定，无法重试。请先进行密码重置（解锁），然后在此窗口重新写入证书。</translation>
    </message>
    <message>
        <source>The certificate is being written to the USB key. This window can be closed when the step that is running has ended; keep the key inserted until then.</source>
        <translation>正在将证书写入CA锁。当前步骤结束后才能关闭此窗口；在此之前请保持CA锁插入。</translation>
    </message>
</context>
<context>
    <name>ca::ui::SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>A new language applies the next time the program starts.</source>
        <translation>新语言将在下次启动程序时生效。</translation>
    </message>
    <message>
        <source>Some values were given on the command line for this session; saving here replaces them.</source>
        <translation>本次运行有些设置来自命令行；在此保存将替换这些设置。</translation>
    </message>
    <message>
        <source>The server address must be a secure address starting with https://, for example https://ca.example.cn.</source>
        <translation>服务器地址必须是以https://开头的安全地址，例如https://ca.example.cn。</translation>
    </message>
    <message>
        <source>The CA bundle file %1 cannot be read. Choose an existing PEM file or leave the field empty.</source>
        <translation>无法读取CA证书文件%1。请选择一个存在的PEM文件，或将此项留空。</translation>
    </message>
    <message>
        <source>The PKCS#11 module %1 does not exist. Choose the library file of your USB key&apos;s driver or leave the field empty.</source>
        <translation>PKCS#11驱动模块%1不存在。请选择CA锁驱动的库文件，或将此项留空。</translation>
    </message>
    <message>
        <source>Choose the CA bundle</source>
        <translation>选择CA证书文件</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the PKCS#11 module</source>
        <translation>选择PKCS#11驱动模块</translation>
    </message>
    <message>
        <source>Libraries (*.so *.dll *.dylib);;All files (*)</source>
        <translation>库文件 (*.so *.dll *.dylib);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ca::ui::StatusNotifier</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss the notification</source>
        <translation>关闭通知</translation>
    </message>
    <message>
        <source>CA Certificate Assistant</source>
        <translation>CA证书助手</translation>
    </message>
</context>
<context>
    <name>ca::ui::SubmitCommentDialog</name>
    <message>
        <source>Confirm &amp;submission</source>
        <translation>确认提交(&amp;S)</translation>
    </message>
    <message>
        <source>For example: please review, thank you.</source>
        <translation>例如：请审核，谢谢。</translation>
    </message>
    <message numerus="yes">
        <source>Optional. At most %n characters. Ctrl+Enter confirms the submission.</source>
        <translation>
            <numerusform>选填，最多%n个字。按 Ctrl+Enter 确认提交。</numerusform>
        </translation>
    </message>
    <message>
        <source>your unit</source>
        <translation>贵单位</translation>
    </message>
    <message numerus="yes">
        <source>Application %1 of %2: %3, %n key(s), fee %4 yuan.</source>
        <translation>
            <numerusform>%2的申请%1：%3，%n个CA锁，费用%4元。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%2 characters</source>
        <translation>%1/%2字</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>还可输入%n个字</numerusform>
        </translation>
    </message>
    <message>
        <source>Submit the application</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <source>Comment for the CA centre (optional):</source>
        <translation>请输入意见（选填）：</translation>
    </message>
    <message>
        <source>Confirm submission</source>
        <translation>确认提交</translation>
    </message>
</context>
<context>
    <name>ca::ui::SummaryPage</name>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>办理类别</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>办理类别：</translation>
    </message>
    <message>
        <source>Order information</source>
        <translation>订单信息</translation>
    </message>
    <message>
        <source>Unit name:</source>
        <translation>单位名称：</translation>
    </message>
    <message>
        <source>Unified social credit code:</source>
        <translation>统一社会信用代码：</translation>
    </message>
    <message>
        <source>Pickup:</source>
        <translation>取锁方式：</translation>
    </message>
    <message>
        <source>Mailing address:</source>
        <translation>CA邮寄地址：</translation>
    </message>
    <message>
        <source>Recipient name:</source>
        <translation>收件人姓名：</translation>
    </message>
    <message>
        <source>Recipient phone:</source>
        <translation>收件人联系电话：</translation>
    </message>
    <message>
        <source>Number of keys:</source>
        <translation>CA数量：</translation>
    </message>
    <message>
        <source>Fee:</source>
        <translation>支付费用：</translation>
    </message>
    <message>
        <source>%1 yuan (excluding handling charges)</source>
        <translation>%1元（不含手续费）</translation>
    </message>
    <message>
        <source>Invoice information</source>
        <translation>开票信息</translation>
    </message>
    <message>
        <source>Invoice type:</source>
        <translation>发票类型：</translation>
    </message>
    <message>
        <source>Invoice title:</source>
        <translation>开票单位名称：</translation>
    </message>
    <message>
        <source>Tax ID:</source>
        <translation>税号：</translation>
    </message>
    <message>
        <source>Unit address:</source>
        <translation>单位地址：</translation>
    </message>
    <message>
        <source>Unit phone:</source>
        <translation>单位电话：</translation>
    </message>
    <message>
        <source>Mobile for the invoice notice:</source>
        <translation>手机号码（发票申请成功后通知接收手机）：</translation>
    </message>
    <message>
        <source>Bank:</source>
        <translation>开户银行：</translation>
    </message>
    <message>
        <source>Bank account number:</source>
        <translation>银行账号：</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>CA办理电子件</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Application %1 · %2 · %3</source>
        <translation>申请%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Everything needed is filled in.</source>
        <translation>所需内容均已填写。</translation>
    </message>
    <message>
        <source>Still missing before the application can be submitted:</source>
        <translation>提交申请前还缺少以下内容：</translation>
    </message>
</context>
<context>
    <name>ca::ui::TokenMessages</name>
    <message>
        <source>More than one USB key is inserted and the key of this step could not be told apart. Remove the other keys and try again.</source>
        <translation>插入了多个CA锁，无法确定此步骤使用哪一个。请拔出其他CA锁后重试。</translation>
    </message>
    <message>
        <source>The USB key was not found. Insert the key and try again.</source>
        <translation>未找到CA锁。请插入CA锁后重试。</translation>
    </message>
    <message>
        <source>The USB key holds no key pair for this step. Insert the key that holds your certificate, or contact the CA centre.</source>
        <translation>CA锁中没有此步骤所需的密钥对。请插入存有您证书的CA锁，或联系CA中心。</translation>
    </message>
    <message>
        <source>The USB key refused the request as incomplete. Try again; if it fails again, contact the CA centre with the log file.</source>
        <translation>CA锁以请求不完整为由拒绝。请重试；如再次失败，请携带日志文件联系CA中心。</translation>
    </message>
    <message>
        <source>Enter the new PIN.</source>
        <translation>请输入新PIN码。</translation>
    </message>
    <message>
        <source>The new PIN is too short: this key needs at least %1 characters.</source>
        <translation>新PIN码太短：该CA锁至少需要%1个字符。</translation>
    </message>
    <message>
        <source>The new PIN is too long: this key takes at most %1 characters.</source>
        <translation>新PIN码太长：该CA锁最多接受%1个字符。</translation>
    </message>
    <message>
        <source>The two new PINs differ. Type the new PIN again in both fields.</source>
        <translation>两次输入的新PIN码不一致。请在两个输入框中重新输入新PIN码。</translation>
    </message>
</context>
<context>
    <name>ca::ui::TokenPanel</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持有人</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>颁发者</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;Insert the USB key (CA certificate key) into a USB port of this computer and wait a few seconds.&lt;/li&gt;&lt;li&gt;Check that the driver of the key is installed: it comes from the certificate centre or the maker of the key.&lt;/li&gt;&lt;li&gt;Check the driver path under Settings: it must name the PKCS#11 module of your key.&lt;/li&gt;&lt;li&gt;Try another USB port, and avoid USB hubs without their own power supply.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;将CA锁（CA证书介质）插入本机的USB接口，并等待几秒钟。&lt;/li&gt;&lt;li&gt;确认已安装CA锁驱动：驱动由CA中心或CA锁厂商提供。&lt;/li&gt;&lt;li&gt;检查“设置”中的驱动路径：它必须指向您的CA锁的PKCS#11模块。&lt;/li&gt;&lt;li&gt;换一个USB接口试试，并避免使用没有独立供电的USB集线器。&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>Reading the USB keys…</source>
        <translation>正在读取CA锁…</translation>
    </message>
    <message>
        <source>%1 (serial %2)</source>
        <extracomment>the key picker: unit name and serial number of the USB key</extracomment>
        <translation>%1（序列号%2）</translation>
    </message>
    <message>
        <source>%1 (found automatically; no driver is configured)</source>
        <translation>%1（自动找到；未配置驱动）</translation>
    </message>
    <message>
        <source>None configured; the usual drivers of USB keys are tried automatically.</source>
        <translation>未配置；将自动尝试常见的CA锁驱动。</translation>
    </message>
    <message>
        <source>The USB key service is not available.</source>
        <translation>CA锁服务不可用。</translation>
    </message>
    <message>
        <source>The key service was not started. Restart the program.</source>
        <translation>CA锁服务未启动。请重新启动程序。</translation>
    </message>
    <message>
        <source>The driver of the USB key could not be used.</source>
        <translation>无法使用CA锁驱动。</translation>
    </message>
    <message>
        <source>%1 (technical detail: %2)</source>
        <translation>%1（技术细节：%2）</translation>
    </message>
    <message>
        <source>No USB key was found.</source>
        <translation>未找到CA锁。</translation>
    </message>
    <message>
        <source>The driver loaded and reported no key. Insert the key; it appears here by itself.</source>
        <translation>驱动已加载，但未检测到CA锁。请插入CA锁，它会自动显示在这里。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>One try left</source>
        <translation>仅剩一次机会</translation>
    </message>
    <message>
        <source>Wrong PIN entered before</source>
        <translation>曾输错PIN码</translation>
    </message>
    <message>
        <source>Must be changed</source>
        <translation>必须修改</translation>
    </message>
    <message>
        <source>%1, model %2</source>
        <translation>%1，型号%2</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1。%2</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>There is no certificate on this key. Apply for a certificate, or register a certificate you already have once it is on the key.</source>
        <translation>该CA锁中没有证书。请申请证书；如已有证书，写入CA锁后再进行登记。</translation>
    </message>
    <message>
        <source>The certificate on this key has expired. Click Renew to apply for a renewal; the key and its PIN stay the same.</source>
        <translation>该CA锁中的证书已过期。请点击“延期续费”申请延期；CA锁及其PIN码保持不变。</translation>
    </message>
    <message numerus="yes">
        <source>The certificate on this key expires in %n day(s). Renew it now so that you can still sign bids: click Renew.</source>
        <translation>
            <numerusform>该CA锁中的证书将在%n天后到期。请立即点击“延期续费”，以免影响投标签章。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The certificate on this key expires in %n day(s). You can renew it from now on.</source>
        <translation>
            <numerusform>该CA锁中的证书将在%n天后到期。现在起即可办理延期续费。</numerusform>
        </translation>
    </message>
    <message>
        <source>The PIN cannot be changed while it is locked; reset the PIN first.</source>
        <translation>PIN码被锁定时不能修改；请先重置PIN码。</translation>
    </message>
    <message>
        <source>%1 could not be used; the driver %2 was found automatically instead.</source>
        <translation>无法使用%1；已改用自动找到的驱动%2。</translation>
    </message>
    <message>
        <source>No certificate on this key has its key pair on the key, so it cannot be renewed here. Apply for a new certificate, or insert the key that holds the key pair.</source>
        <translation>此CA锁中没有带密钥对的证书，无法在此续期。请申请新办证书，或插入存有密钥对的CA锁。</translation>
    </message>
    <message>
        <source>There is no certificate of your unit with its key pair on this key to renew.</source>
        <translation>此CA锁中没有可续期的、带密钥对的本单位证书。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>CA Certificate Assistant</source>
        <translation>CA证书助手</translation>
    </message>
</context>
</TS>
