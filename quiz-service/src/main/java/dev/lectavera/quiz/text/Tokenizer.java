package dev.lectavera.quiz.text;

import java.util.ArrayList;
import java.util.List;

/** Words and numbers of a (whitespace-collapsed) sentence, with offsets. */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int length = text.length();
        boolean pendingBreak = false;
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                int end = numberEnd(text, i);
                boolean followedByLetter = end < length && Character.isLetter(text.charAt(end));
                if (followedByLetter) {
                    // "3D", "5G", "H2O" are words, not numbers
                    end = wordEnd(text, i);
                    tokens.add(new Token(text.substring(i, end), i, end, false, pendingBreak));
                } else {
                    tokens.add(new Token(text.substring(i, end), i, end, true, pendingBreak));
                }
                pendingBreak = false;
                i = end;
            } else if (Character.isLetter(c)) {
                int end = wordEnd(text, i);
                int kept = end;
                if (kept - i > 2 && (text.charAt(kept - 1) == 's' || text.charAt(kept - 1) == 'S')
                        && isApostrophe(text.charAt(kept - 2))) {
                    kept -= 2; // possessive: "Newton's law" names Newton
                }
                tokens.add(new Token(text.substring(i, kept), i, kept, false, pendingBreak));
                pendingBreak = false;
                i = end;
            } else {
                if (!Character.isWhitespace(c)) {
                    pendingBreak = true;
                }
                i++;
            }
        }
        return tokens;
    }

    private static int numberEnd(String text, int from) {
        int length = text.length();
        int i = from;
        while (i < length && Character.isDigit(text.charAt(i))) {
            i++;
        }
        while (i + 1 < length && (text.charAt(i) == '.' || text.charAt(i) == ',')
                && Character.isDigit(text.charAt(i + 1))) {
            i++;
            while (i < length && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < length && text.charAt(i) == '%') {
            i++;
        }
        return i;
    }

    private static int wordEnd(String text, int from) {
        int length = text.length();
        int i = from;
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
            } else if ((c == '-' || isApostrophe(c)) && i + 1 < length && Character.isLetter(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }
}
