package nl.steunpunt.buddy.workflow.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RecruitmentSettings.class, TrainingSettings.class, MatchingSettings.class, OffboardingSettings.class,
        ClosureSettings.class })
class WorkflowConfiguration {
}
