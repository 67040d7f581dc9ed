package org.tipsearch.search.lucene;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score, the same to the bit, with a passage's distinct terms found by comparing its few matches
 * rather than in a new {@code BytesRefHash} for each passage: that hash's 32 KB block, allocated and zeroed for every
 * sentence holding a match, was a seventh of the highlighting of a page.
 */
final class DistinctTermsPassageScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        int[] firstMatch = new int[matches]; // of each distinct term, in the order the terms first match
        int[] freqsInPassage = new int[matches];
        int distinct = 0;
        for (int i = 0; i < matches; i++) {
            int term = 0;
            while (term < distinct && !terms[firstMatch[term]].bytesEquals(terms[i])) {
                term++;
            }
            if (term == distinct) {
                firstMatch[distinct++] = i;
            }
            freqsInPassage[term]++;
        }
        // summed in that order, as Lucene does, so that passages rank exactly as they would there
        double score = 0d;
        for (int term = 0; term < distinct; term++) {
            score += tf(freqsInPassage[term], passage.getLength())
                    * weight(contentLength, freqsInDoc[firstMatch[term]]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
