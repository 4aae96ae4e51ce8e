package dev.lectavera.document.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Textbook-like pages: chapter and section headings, paragraphs of sentences of 8 to 22 words. */
final class BenchText {

    private static final String[] WORDS = ("""
            the of and to in is that for as with by on are this be from an which or it at can these their has
            have was not but more also between into its such other than most when each both over how through
            cell cells membrane protein proteins energy enzyme enzymes molecule molecules acid acids structure
            function process pathway signal signals receptor gene genes expression transcription translation
            replication mutation population species evolution selection adaptation environment ecosystem
            nutrient carbon nitrogen oxygen water light photosynthesis respiration mitochondria chloroplast
            nucleus ribosome lipid bilayer transport diffusion osmosis gradient concentration pressure
            temperature equilibrium reaction rate constant catalyst substrate product inhibitor binding site
            model theory evidence experiment hypothesis observation measurement sample data analysis result
            method variable control group trial study review article chapter section figure table example
            market price demand supply cost revenue profit policy government trade growth inflation interest
            history society culture language power institution law right state nation war treaty reform
            system network algorithm input output memory storage processor program language compiler
            equation function derivative integral limit series vector matrix probability distribution
            significant important different similar specific general common complex simple primary secondary
            increase decrease produce require depend allow cause affect determine describe explain compare
            """).trim().split("\\s+");

    private final Random random;

    BenchText(long seed) {
        this.random = new Random(seed);
    }

    String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    String sentence() {
        int length = 8 + random.nextInt(15);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String w = word();
            s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
        }
        return s.append('.').toString();
    }

    String paragraph() {
        int sentences = 3 + random.nextInt(4);
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            p.append(i == 0 ? "" : " ").append(sentence());
        }
        return p.toString();
    }

    String title(int words) {
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = word();
            t.append(i == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return t.toString();
    }

    /** About {@code words} words per page; a chapter heading every 12 pages, a section heading every 3. */
    List<String> pages(int count, int words) {
        List<String> pages = new ArrayList<>(count);
        for (int page = 1; page <= count; page++) {
            StringBuilder text = new StringBuilder();
            if (page % 12 == 1) {
                text.append("Chapter ").append(page / 12 + 1).append(' ').append(title(3)).append("\n\n");
            } else if (page % 3 == 1) {
                text.append(page / 12 + 1).append('.').append(page % 12 / 3 + 1).append(' ').append(title(4))
                        .append("\n\n");
            }
            while (text.toString().split("\\s+").length < words) {
                text.append(paragraph()).append("\n\n");
            }
            pages.add(text.toString().strip());
        }
        return pages;
    }

    /** A search query: a short question or a handful of content words. */
    String query() {
        return switch (random.nextInt(3)) {
            case 0 -> "What is the role of " + word() + " " + word() + " in " + word() + "?";
            case 1 -> "How does " + word() + " affect " + word() + " " + word() + "?";
            default -> word() + " " + word() + " " + word() + " " + word();
        };
    }
}
