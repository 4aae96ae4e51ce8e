package dev.lectavera.quiz.text;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * English words that never make a key term on their own: function words, auxiliaries and very common verbs,
 * adjectives and adverbs, and the structural words of a document (chapter, figure, page...). Compared in
 * normalised (lower-case, accent-free) form.
 */
public final class StopWords {

    private static final Set<String> WORDS = Stream.of(
            // articles, determiners, pronouns
            "a an the this that these those such some any each every either neither no none all both few many much"
                    + " more most less least other others another same own several enough",
            "i me my mine myself you your yours yourself yourselves he him his himself she her hers herself it its"
                    + " itself we us our ours ourselves they them their theirs themselves one ones oneself who whom"
                    + " whose which what whatever whoever whichever someone something anyone anything everyone"
                    + " everything nobody nothing somebody anybody everybody",
            // prepositions, conjunctions, particles
            "about above across after against along amid among amongst around as at before behind below beneath"
                    + " beside besides between beyond by despite down during except for from in inside into like"
                    + " near of off on onto out outside over past per since than through throughout till to toward"
                    + " towards under underneath unlike until up upon via with within without",
            "and but or nor so yet if then else when whenever where wherever whereas while whilst because"
                    + " although though unless whether once therefore thus hence however moreover furthermore"
                    + " nevertheless nonetheless otherwise instead meanwhile accordingly consequently indeed",
            // auxiliaries and very common verbs
            "am is are was were be been being have has had having do does did doing done can could may might must"
                    + " shall should will would ought need needs needed",
            "make makes made making use uses used using get gets got getting give gives gave given go goes went gone"
                    + " take takes took taken come comes came see sees saw seen seem seems seemed know knows knew known"
                    + " call calls called include includes included including contain contains contained containing"
                    + " become becomes became show shows showed shown provide provides provided allow allows allowed"
                    + " cause causes caused lead leads led find finds found keep keeps kept let lets put puts say"
                    + " says said tell tells told think thinks thought want wants wanted work works worked refer"
                    + " refers referred describe describes described consider considers considered form forms formed"
                    + " produce produces produced occur occurs occurred require requires required result results"
                    + " remain remains remained involve involves involved help helps helped mean means meant"
                    + " follow follows followed begin begins began begun increase increases decrease decreases"
                    + " depend depends known named define defines defined denote denotes denoted carry carries"
                    + " hold holds held live lives lived",
            // very common adjectives and adverbs
            "also very too quite rather just only even still already almost always often sometimes usually never"
                    + " ever again here there now today later early soon well far back away perhaps probably"
                    + " mainly mostly largely generally especially particularly simply directly approximately about"
                    + " roughly nearly around typically",
            "new old good bad great small large big high low long short important different various main major"
                    + " minor common general specific certain possible likely able similar whole full first last"
                    + " next previous second third following based due related known particular main key basic"
                    + " simple single double true false real",
            // numbers as words
            "zero two three four five six seven eight nine ten eleven twelve hundred hundreds thousand thousands"
                    + " million millions billion billions once twice half",
            // document structure
            "chapter chapters section sections figure figures fig table tables page pages example examples"
                    + " note notes summary introduction conclusion appendix part parts unit units lecture lesson"
                    + " exercise exercises question questions answer answers etc ie eg vs cf",
            // generic nouns that make poor answers
            "way ways thing things kind kinds type types lot lots number numbers amount case cases fact facts"
                    + " time times year years day days point points end side term terms place places role roles")
            .flatMap(line -> Stream.of(line.split(" ")))
            .filter(w -> !w.isBlank())
            .collect(Collectors.toUnmodifiableSet());

    private StopWords() {
    }

    /** Whether the word (any case) is a stop word. */
    public static boolean isStopWord(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }
}
