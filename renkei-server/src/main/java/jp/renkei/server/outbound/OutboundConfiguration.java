package jp.renkei.server.outbound;

import jp.renkei.server.config.OutboundProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

  /** The guard, with this machine's interface addresses as the hub's own. */
  @Bean(destroyMethod = "close")
  OutboundHttp outboundHttp(OutboundProperties properties) {
    return new OutboundHttp(properties, OutboundHttp.interfaceAddresses());
  }
}
