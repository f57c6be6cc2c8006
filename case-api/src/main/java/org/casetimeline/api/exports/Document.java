package org.casetimeline.api.exports;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * A small document of headings, paragraphs and bullet lists, rendered as Markdown or as HTML from the same
 * content, so the two forms of an export can never say different things.
 */
final class Document {

    private sealed interface Block permits Heading, Paragraph, Bullets {
    }

    private record Heading(int level, String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Bullets(List<String> items) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    Document(String title) {
        this.title = title;
    }

    Document heading(String text) {
        blocks.add(new Heading(2, text));
        return this;
    }

    Document paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    Document bullets(List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new Bullets(List.copyOf(items)));
        }
        return this;
    }

    String markdown() {
        StringBuilder out = new StringBuilder("# ").append(markdownText(title)).append("\n\n");
        for (Block block : blocks) {
            if (block instanceof Heading heading) {
                out.append("#".repeat(heading.level())).append(' ').append(markdownText(heading.text())).append("\n\n");
            } else if (block instanceof Paragraph paragraph) {
                out.append(markdownText(paragraph.text())).append("\n\n");
            } else if (block instanceof Bullets bullets) {
                bullets.items().forEach(item -> out.append("- ").append(markdownText(item)).append('\n'));
                out.append('\n');
            }
        }
        return out.toString();
    }

    String html() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(HtmlUtils.htmlEscape(title)).append("</title><style>body{font-family:serif;max-width:48rem;"
                        + "margin:2rem auto;line-height:1.45}li{margin:.3rem 0}</style></head><body>\n<h1>")
                .append(HtmlUtils.htmlEscape(title)).append("</h1>\n");
        for (Block block : blocks) {
            if (block instanceof Heading heading) {
                out.append("<h").append(heading.level()).append('>').append(HtmlUtils.htmlEscape(heading.text()))
                        .append("</h").append(heading.level()).append(">\n");
            } else if (block instanceof Paragraph paragraph) {
                out.append("<p>").append(HtmlUtils.htmlEscape(paragraph.text())).append("</p>\n");
            } else if (block instanceof Bullets bullets) {
                out.append("<ul>\n");
                bullets.items().forEach(item -> out.append("<li>").append(HtmlUtils.htmlEscape(item)).append("</li>\n"));
                out.append("</ul>\n");
            }
        }
        return out.append("</body></html>\n").toString();
    }

    /**
     * Text from sources must not turn into Markdown structure or links: inline marks are escaped, every line break
     * (a carriage return ends a line too) becomes a space, and a start that would open a list or heading is escaped.
     */
    static String markdownText(String text) {
        String inline = text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1").replaceAll("\\R", " ");
        return inline.replaceFirst("^(\\s*)([-+=~])", "$1\\\\$2").replaceFirst("^(\\s*\\d+)([.)])", "$1\\\\$2");
    }
}
