package org.casetimeline.api.problem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies read as text are decoded strictly: bytes that are not valid in the declared charset (UTF-8
 * unless stated) are refused with 400, where the default decoder would silently store U+FFFD in their place
 * and the record would no longer say what the monitor sent.
 */
@Configuration(proxyBeanMethods = false)
public class StrictTextBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.replaceAll(converter -> converter instanceof StringHttpMessageConverter
                ? new StrictStringConverter() : converter);
    }

    static final class StrictStringConverter extends StringHttpMessageConverter {

        StrictStringConverter() {
            super(StandardCharsets.UTF_8);
            setWriteAcceptCharset(false);
        }

        @Override
        protected String readInternal(Class<? extends String> type, HttpInputMessage input) throws IOException {
            MediaType contentType = input.getHeaders().getContentType();
            Charset charset = contentType != null && contentType.getCharset() != null
                    ? contentType.getCharset() : StandardCharsets.UTF_8;
            byte[] bytes = input.getBody().readAllBytes();
            try {
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw InvalidRequest.malformed("body", "is not valid " + charset.name());
            }
        }
    }
}
