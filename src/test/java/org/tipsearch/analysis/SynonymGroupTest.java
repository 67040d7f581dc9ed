package org.tipsearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymGroupTest {

    @Test
    void aLineIsAGroupNamedByItsFirstEntry() {
        var group = SynonymGroup.parse("organ removal, removal of organs ,organ harvesting");
        assertEquals("organ removal", group.name());
        assertEquals(List.of("organ removal", "removal of organs", "organ harvesting"), group.entries());
    }

    @Test
    void aLineThatIsNoGroupIsRefusedWithTheLine() {
        var oneWay = assertThrows(IllegalStateException.class, () -> SynonymGroup.parse("tip => trafficking in persons"));
        assertTrue(oneWay.getMessage().contains("'tip => trafficking in persons'"), oneWay.getMessage());
        var blank = assertThrows(IllegalStateException.class, () -> SynonymGroup.parse("tip, , human trafficking"));
        assertTrue(blank.getMessage().contains("'tip, , human trafficking'"), blank.getMessage());
    }

    @Test
    void theCuratorsFileLoads() {
        assertTrue(SynonymGroup.load().stream().anyMatch(g -> g.entries().contains("trafficking in organs")));
    }
}
