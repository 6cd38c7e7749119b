package jp.renkei.server.outbound;

import java.util.Properties;
import jp.renkei.server.config.NotifyProperties;
import jp.renkei.server.config.OutboundProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

  /** The guard, with this machine's interface addresses as the hub's own. */
  @Bean(destroyMethod = "close")
  OutboundHttp outboundHttp(OutboundProperties properties) {
    return new OutboundHttp(properties, OutboundHttp.interfaceAddresses());
  }

  /**
   * Every SMTP connection of the mail sender with its whole deadline ({@link SmtpDeadline}): plain
   * SMTP and STARTTLS, whose TLS layer runs over the guarded socket. SMTPS ({@code
   * spring.mail.protocol=smtps}) keeps Jakarta Mail's own SSL socket and its per-read timeouts.
   */
  @Bean
  static BeanPostProcessor smtpDeadline(ObjectProvider<NotifyProperties> notify) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JavaMailSenderImpl sender) {
          Properties p = new Properties();
          p.putAll(sender.getJavaMailProperties());
          // an instance, not a class name: Jakarta Mail takes it as it is (put, not setProperty)
          p.put("mail.smtp.socketFactory", new SmtpDeadline(notify.getObject().mailDeadline()));
          sender.setJavaMailProperties(p);
        }
        return bean;
      }
    };
  }
}
