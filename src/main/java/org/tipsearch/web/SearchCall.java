package org.tipsearch.web;

import java.io.IOException;

/** A search to run when its turn comes or its page is not kept: it may fail as reading the index fails. */
@FunctionalInterface
interface SearchCall<T> {
    T get() throws IOException;
}
