<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ApplicationCommand</name>
    <message numerus="yes">
        <source>&apos;%1&apos; takes %n argument(s).</source>
        <translation>
            <numerusform>&apos;%1&apos; takes %n argument.</numerusform>
            <numerusform>&apos;%1&apos; takes %n arguments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scan this code with WeChat within %n second(s):</source>
        <translation>
            <numerusform>Scan this code with WeChat within %n second:</numerusform>
            <numerusform>Scan this code with WeChat within %n seconds:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ca-tool: no status changed within %n second(s).</source>
        <translation>
            <numerusform>ca-tool: no status changed within %n second.</numerusform>
            <numerusform>ca-tool: no status changed within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ca::keyops::RenewalJob</name>
    <message numerus="yes">
        <source>The new certificate is on the key under the same key and valid until %1 (%n days from now).</source>
        <translation>
            <numerusform>The new certificate is on the key under the same key and valid until %1 (%n days from now).</numerusform>
            <numerusform>The new certificate is on the key under the same key and valid until %1 (%n days from now).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new certificate is on the key with its new key pair and valid until %1 (%n days from now); the old key and certificate are kept.</source>
        <translation>
            <numerusform>The new certificate is on the key with its new key pair and valid until %1 (%n days from now); the old key and certificate are kept.</numerusform>
            <numerusform>The new certificate is on the key with its new key pair and valid until %1 (%n days from now); the old key and certificate are kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ca::ui::AttachmentRow</name>
    <message numerus="yes">
        <source>PDF, %n page(s)</source>
        <translation>
            <numerusform>PDF, %n page</numerusform>
            <numerusform>PDF, %n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ca::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n application(s) loaded.</source>
        <translation>
            <numerusform>%n application loaded.</numerusform>
            <numerusform>%n applications loaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…and %n more.</numerusform>
            <numerusform>…and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ca::ui::PinResetDialog</name>
    <message numerus="yes">
        <source>The verification code is wrong; check the text message and type it again with the new PIN (%n try(s) left).</source>
        <translation>
            <numerusform>The verification code is wrong; check the text message and type it again with the new PIN (%n try left).</numerusform>
            <numerusform>The verification code is wrong; check the text message and type it again with the new PIN (%n tries left).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ca::ui::RenewalDialog</name>
    <message numerus="yes">
        <source>%1, serial number %2, valid until %3 (%n day(s) left)</source>
        <translation>
            <numerusform>%1, serial number %2, valid until %3 (%n day left)</numerusform>
            <numerusform>%1, serial number %2, valid until %3 (%n days left)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Type the PIN of the USB key (at least %n character(s)); it is used for this renewal only and not kept.</source>
        <translation>
            <numerusform>Type the PIN of the USB key (at least %n character); it is used for this renewal only and not kept.</numerusform>
            <numerusform>Type the PIN of the USB key (at least %n characters); it is used for this renewal only and not kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new certificate is on the key and checked. It is valid from %1 until %2 (%n day(s)). Use the key as before; the PIN has not changed.</source>
        <translation>
            <numerusform>The new certificate is on the key and checked. It is valid from %1 until %2 (%n day). Use the key as before; the PIN has not changed.</numerusform>
            <numerusform>The new certificate is on the key and checked. It is valid from %1 until %2 (%n days). Use the key as before; the PIN has not changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ca::ui::SubmitCommentDialog</name>
    <message numerus="yes">
        <source>Optional. At most %n characters. Ctrl+Enter confirms the submission.</source>
        <translation>
            <numerusform>Optional. At most %n characters. Ctrl+Enter confirms the submission.</numerusform>
            <numerusform>Optional. At most %n characters. Ctrl+Enter confirms the submission.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Application %1 of %2: %3, %n key(s), fee %4 yuan.</source>
        <translation>
            <numerusform>Application %1 of %2: %3, %n key, fee %4 yuan.</numerusform>
            <numerusform>Application %1 of %2: %3, %n keys, fee %4 yuan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>%n character left</numerusform>
            <numerusform>%n characters left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ca::ui::TokenPanel</name>
    <message numerus="yes">
        <source>The certificate on this key expires in %n day(s). Renew it now so that you can still sign bids: click Renew.</source>
        <translation>
            <numerusform>The certificate on this key expires in %n day. Renew it now so that you can still sign bids: click Renew.</numerusform>
            <numerusform>The certificate on this key expires in %n days. Renew it now so that you can still sign bids: click Renew.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The certificate on this key expires in %n day(s). You can renew it from now on.</source>
        <translation>
            <numerusform>The certificate on this key expires in %n day. You can renew it from now on.</numerusform>
            <numerusform>The certificate on this key expires in %n days. You can renew it from now on.</numerusform>
        </translation>
    </message>
</context>
</TS>
