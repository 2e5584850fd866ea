package nl.steunpunt.buddy.intervisie.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import nl.steunpunt.buddy.intervisie.IntervisieRules;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntervisieRules.class)
class IntervisieConfiguration {
}
