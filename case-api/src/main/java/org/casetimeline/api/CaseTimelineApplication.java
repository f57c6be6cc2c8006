package org.casetimeline.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Case Timeline: records facts about detained people as events and reads them back as status and history. */
@SpringBootApplication(scanBasePackages = {"org.casetimeline.api", "org.casetimeline.projections"})
@ConfigurationPropertiesScan
public class CaseTimelineApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaseTimelineApplication.class, args);
    }
}
