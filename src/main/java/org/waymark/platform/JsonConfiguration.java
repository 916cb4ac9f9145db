package org.waymark.platform;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /**
     * A number or true/false where the API expects text is a client's mistake to be told about,
     * not quietly turned into "5" (the rest of the strict rules are in application.properties).
     */
    @Bean
    JsonMapperBuilderCustomizer noTextFromScalars() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /**
     * A name given twice in one object ({"passengers":1,"passengers":400}) is a mistake to be told
     * about, not settled by taking the last.
     */
    @Bean
    JsonMapperBuilderCustomizer noNameTwice() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * No string of a JSON body holds a control character other than tab and line breaks, nor
     * half a surrogate pair: not as text, nor as an enum, date or id.
     */
    @Bean
    JsonMapperBuilderCustomizer noControlCharacters() {
        return builder -> builder.addModule(new SimpleModule("no control characters")
                .addDeserializer(String.class, new ControlCharacters.Json())
                .setDeserializerModifier(new ControlCharacters.Values()));
    }
}
