package io.waymark.recorder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** CORS for {@code /api/0}: browsers on {@code waymark.recorder.allowed-origins} may call it (the Frontend). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecorderProperties.class) // also in a @WebMvcTest slice, which loads WebMvcConfigurers
class RecorderCors implements WebMvcConfigurer {

    private final RecorderProperties properties;

    RecorderCors(RecorderProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/0/**").allowedOriginPatterns(origins(properties)).allowedMethods("GET", "POST")
            .allowedHeaders("*");
    }

    static String[] origins(RecorderProperties properties) {
        return properties.allowedOrigins().toArray(String[]::new);
    }
}
