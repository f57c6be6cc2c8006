package org.casetimeline.api.config;

import org.casetimeline.core.shared.PlainText;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text in a request must be text: a JSON string, never a number or boolean standing in for one, and plain text
 * as the domain defines it ({@link PlainText}), refused here with the JSON path of the field at fault.
 */
final class PlainTextModule extends SimpleModule {

    PlainTextModule() {
        super("plain-text");
        addDeserializer(String.class, new PlainTextDeserializer());
    }

    private static final class PlainTextDeserializer extends StdScalarDeserializer<String> {

        PlainTextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getString();
            String problem = PlainText.problem(text);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            return text;
        }
    }
}
