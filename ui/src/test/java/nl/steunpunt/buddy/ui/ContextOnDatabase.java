package nl.steunpunt.buddy.ui;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

import nl.steunpunt.buddy.BuddyApplication;

/**
 * A further instance of the whole application, as {@code @SpringBootTest} starts the shared one (test
 * profile, test clock, mock servlet environment, the tests' worlds), but on a database of the test's
 * choice: a second node on the same database, or the application on a restored copy. Its process
 * engine has a name of its own, so the shared context's engine stays the registered default.
 */
final class ContextOnDatabase {

    private ContextOnDatabase() {
    }

    static ConfigurableApplicationContext start(String engineName, String url, String user, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", ApplicationTest.MAIL.getSmtp().getPort());
        properties.put("camunda.bpm.process-engine-name", engineName);
        properties.put("spring.jmx.enabled", false);
        properties.put("spring.main.banner-mode", "off");
        return new SpringApplicationBuilder(BuddyApplication.class, ApplicationTest.TestClockConfiguration.class)
                .main(BuddyApplication.class)
                .profiles("test")
                .web(WebApplicationType.SERVLET)
                .contextFactory(ApplicationContextFactory.of(() -> new GenericWebApplicationContext(new MockServletContext())))
                .initializers(context -> context.getBeanFactory().registerSingleton("testClassesExcludeFilter", new TestClassesExcludeFilter()))
                // As arguments: they rank above the test profile's settings (default properties would not).
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /** Keeps test configurations out of the component scan, as {@code @SpringBootTest} does. */
    static final class TestClassesExcludeFilter extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            if (reader.getAnnotationMetadata().hasAnnotation(TestComponent.class.getName())
                    || reader.getAnnotationMetadata().hasMetaAnnotation(TestComponent.class.getName())) {
                return true;
            }
            String enclosing = reader.getClassMetadata().getEnclosingClassName();
            return enclosing != null && factory.getMetadataReader(enclosing).getAnnotationMetadata()
                    .hasAnnotatedMethods("org.junit.jupiter.api.Test");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesExcludeFilter;
        }

        @Override
        public int hashCode() {
            return TestClassesExcludeFilter.class.hashCode();
        }
    }
}
