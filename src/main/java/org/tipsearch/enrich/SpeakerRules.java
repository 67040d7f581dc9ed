package org.tipsearch.enrich;

import java.util.List;
import java.util.Map;
import org.tipsearch.curation.CuratorFiles;

/** The curator's cues for who speaks, loaded from {@code speakers.json}. */
record SpeakerRules(
        String about,
        int verbWindow,
        int passiveWindow,
        List<String> speechVerbs,
        List<SectionSpeaker> sectionSpeakers,
        List<Cue> cues,
        GroupSpeakers groupSpeakers,
        List<String> organizationIntroducers,
        List<String> agentIntroducers,
        int introducerWindow,
        List<String> personTitles,
        List<TypeKeyword> typeKeywords,
        String defaultOrganizationType,
        String organizationDescription) {

    /**
     * Every unit under a heading, or of a report whose title, matches the pattern is spoken by the type; without a
     * type, by the type of whom the pattern's group "speaker" names ("Joint statement on behalf of … non-governmental
     * organizations").
     */
    record SectionSpeaker(String headingPattern, String type) {}

    /**
     * A pattern that names a speaker of a type; speaker is the display name, if any; window, if set, how many
     * words after it a speech verb may stand.
     */
    record Cue(String type, String pattern, String speaker, Integer window) {}

    /** "Speakers", "participants": who they are depends on the kind of report. */
    record GroupSpeakers(String pattern, int window, Map<String, String> typeByReportKind) {}

    /** A pattern in an organization's name that tells its type. */
    record TypeKeyword(String type, String pattern) {}

    SpeakerRules {
        speechVerbs = List.copyOf(speechVerbs);
        sectionSpeakers = List.copyOf(sectionSpeakers);
        cues = List.copyOf(cues);
        organizationIntroducers = List.copyOf(organizationIntroducers);
        agentIntroducers = List.copyOf(agentIntroducers);
        personTitles = List.copyOf(personTitles);
        typeKeywords = List.copyOf(typeKeywords);
    }

    static SpeakerRules load() {
        return CuratorFiles.json(SpeakerRules.class, "speakers.json", SpeakerRules.class);
    }
}
