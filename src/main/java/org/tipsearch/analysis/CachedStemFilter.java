package org.tipsearch.analysis;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * The curator's stem overrides, then KStem, each word stemmed once and its stem then taken from a {@link Cache}
 * shared by the analyzer's threads. Most words of a text are words seen before, and KStem looks a word up in
 * its dictionaries several times for each.
 */
final class CachedStemFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final Cache cache;
    /** The word to stem, alone, through the two filters. */
    private final OneWord word = new OneWord();
    private final TokenStream stemmer;
    private final CharTermAttribute stemmed;

    CachedStemFilter(TokenStream input, StemmerOverrideFilter.StemmerOverrideMap overrides, Cache cache) {
        super(input);
        this.cache = cache;
        this.stemmer = new KStemFilter(new StemmerOverrideFilter(word, overrides));
        this.stemmed = stemmer.getAttribute(CharTermAttribute.class);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (keyword.isKeyword()) { // left as it is, as both filters leave a keyword
            return true;
        }
        char[] known = cache.get(term.buffer(), term.length());
        if (known != null) {
            term.copyBuffer(known, Cache.stemStart(known), Cache.stemLength(known));
        } else {
            char[] stem = stem(Arrays.copyOf(term.buffer(), term.length()));
            term.copyBuffer(stem, 0, stem.length);
        }
        return true;
    }

    private char[] stem(char[] chars) throws IOException {
        word.set(chars);
        stemmer.reset();
        if (!stemmer.incrementToken()) {
            throw new IllegalStateException("the stemmer dropped a word");
        }
        char[] stem = Arrays.copyOf(stemmed.buffer(), stemmed.length());
        stemmer.end();
        stemmer.close();
        cache.put(chars, stem);
        return stem;
    }

    /** A stream of one word, with no keyword mark. */
    private static final class OneWord extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private char[] chars;
        private boolean given;

        void set(char[] chars) {
            this.chars = chars;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            given = false;
        }

        @Override
        public boolean incrementToken() {
            if (given) {
                return false;
            }
            clearAttributes();
            term.copyBuffer(chars, 0, chars.length);
            given = true;
            return true;
        }
    }

    /**
     * The stems of words seen lately, shared by the threads of one analyzer without a lock: a slot holds the last
     * word whose hash led there, so the cache's size is fixed (about 1 MB when full), whatever the number of
     * threads; a word that lost its slot is stemmed again.
     */
    static final class Cache {

        /**
         * Each slot's word and stem in one array, {@code [length of the word, word..., stem...]}: one memory
         * access fewer a word than a pair of arrays, and a look-up is mostly waiting for memory. An array is
         * written whole before it is published, so a thread reading a slot another thread wrote sees it whole.
         */
        private final AtomicReferenceArray<char[]> slots;

        Cache() {
            this(1 << 14);
        }

        /** @param slots a power of two */
        Cache(int slots) {
            if (Integer.bitCount(slots) != 1) {
                throw new IllegalArgumentException("a stem cache has a power of two slots, not " + slots);
            }
            this.slots = new AtomicReferenceArray<>(slots);
        }

        /** The slot holding the word, or null; its stem is at {@link #stemStart} for {@link #stemLength}. */
        char[] get(char[] chars, int length) {
            char[] slot = slots.getAcquire(slot(chars, length));
            return slot != null && slot[0] == length && Arrays.equals(slot, 1, 1 + length, chars, 0, length) ? slot : null;
        }

        void put(char[] word, char[] stem) {
            if (word.length > Character.MAX_VALUE) { // never in text, but the length must fit its char
                return;
            }
            char[] slot = new char[1 + word.length + stem.length];
            slot[0] = (char) word.length;
            System.arraycopy(word, 0, slot, 1, word.length);
            System.arraycopy(stem, 0, slot, 1 + word.length, stem.length);
            slots.setRelease(slot(word, word.length), slot);
        }

        static int stemStart(char[] slot) {
            return 1 + slot[0];
        }

        static int stemLength(char[] slot) {
            return slot.length - 1 - slot[0];
        }

        private int slot(char[] chars, int length) {
            int hash = 0;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + chars[i];
            }
            return (hash ^ (hash >>> 16)) & (slots.length() - 1);
        }
    }
}
