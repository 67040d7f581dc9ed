package org.tipsearch.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A credentials file's one line, user:password, and a password that never shows. */
class SolrCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void aFileGivesItsUserAndAPasswordThatMayHoldAColon() throws Exception {
        var read = SolrCredentials.read(Files.writeString(dir.resolve("c"), "reader:pa:ss\n"));
        assertEquals(new SolrCredentials("reader", "pa:ss"), read);
        assertEquals("Basic cmVhZGVyOnBhOnNz", read.header());
        assertFalse(read.toString().contains("pa:ss"), read.toString());
    }

    @Test
    void aFileWithoutAUserOrAPasswordIsRefusedByName() throws Exception {
        for (String line : new String[] {"no colon", ":password", "user:", ""}) {
            Path file = Files.writeString(dir.resolve("bad"), line);
            var refused = assertThrows(IOException.class, () -> SolrCredentials.read(file), line);
            assertTrue(refused.getMessage().startsWith(file.toString()), refused.getMessage());
        }
        var missing = assertThrows(IOException.class, () -> SolrCredentials.read(dir.resolve("none")));
        assertTrue(missing.getMessage().contains("the credentials file"), missing.getMessage());
    }
}
