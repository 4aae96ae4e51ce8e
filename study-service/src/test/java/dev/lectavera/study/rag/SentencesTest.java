package dev.lectavera.study.rag;

import dev.lectavera.study.service.rag.Sentences;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentencesTest {

    private static List<String> sentences(String text) {
        List<Sentences.Span> spans = Sentences.of(text);
        spans.forEach(span -> assertEquals(span.text(), text.substring(span.start(), span.end())));
        return spans.stream().map(span -> Sentences.display(span.text())).toList();
    }

    @Test
    void aSentenceRunsOnAroundADisplayedLineOfCode() {
        // R's manual: the sentence is interrupted by the command it talks about, set apart by empty lines
        String text = """
                To remove temporarily the effects of class, use the function unclass(). For example if winter
                has the class "data.frame" then printing it shows it in data frame form, which is rather like a matrix, whereas

                > unclass(winter)

                will print it as an ordinary list. Only in rather special situations do you need this facility.""";
        List<String> sentences = sentences(text);
        assertTrue(sentences.contains("For example if winter has the class \"data.frame\" then printing it shows it in data"
                + " frame form, which is rather like a matrix, whereas > unclass(winter) will print it as an ordinary list."),
                sentences.toString());
    }

    @Test
    void aSentenceRunsOnAcrossAnEmptyLineTheLayoutPutIn() {
        // a document indexed before extraction mended such breaks: the line ended in a function name's font
        String text = """
                Robust regression. There are several functions available for fitting regression models in a
                way resistant to the influence of extreme outliers in the data. Function lqs

                in the recommended package MASS provides state-of-art algorithms for highly-resistant fits.""";
        List<String> sentences = sentences(text);
        assertTrue(sentences.contains("Function lqs in the recommended package MASS provides state-of-art algorithms"
                + " for highly-resistant fits."), sentences.toString());
    }

    @Test
    void headingsListingsAndEndedSentencesKeepTheirBlocks() {
        String text = """
                4.1 ASN.1 schema functions

                asn1 parser2tree

                This paragraph of running text ends as a sentence should, with a full stop at its very end.

                lower case after an ended sentence starts a new block: a paragraph about a function, say
                rc = f (x);

                if (rc < 0)""";
        assertEquals(List.of("4.1 ASN.1 schema functions", "asn1 parser2tree",
                "This paragraph of running text ends as a sentence should, with a full stop at its very end.",
                "lower case after an ended sentence starts a new block: a paragraph about a function, say rc = f (x);",
                "if (rc < 0)"), sentences(text));
    }
}
