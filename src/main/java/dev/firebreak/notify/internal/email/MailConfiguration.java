package dev.firebreak.notify.internal.email;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.NotifyProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Binds {@code spring.mail.*} at run time whatever the build saw. The {@link JavaMailSender} bean
 * keeps Boot's own from being made (and with it a mail health check that would mark the node down
 * whenever the mail server is).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {
    @Bean
    MailSenders mailSenders(MailProperties mail, ObjectProvider<SslBundles> bundles, NotifyProperties notify) {
        return new MailSenders(mail, bundles, notify.baseUrl());
    }

    @Bean
    JavaMailSender mailSender(MailSenders senders, NotifyProperties notify) {
        return senders.forTimeout(notify.timeoutFor(ChannelType.EMAIL));
    }
}
