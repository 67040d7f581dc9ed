package org.tipsearch.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipsearch.BundledReports;
import org.tipsearch.JarProcess;

/**
 * A cluster whose Basic authentication is on, as a production cluster's is (Solr's BasicAuthPlugin, every request
 * refused without a known user): tipsearch reaches it with the user and password of a credentials file, and says
 * plainly when it has none or a wrong one, through its API and its commands (issue 21).
 */
class SolrAuthIT {

    /**
     * Solr's documented example, user solr with password SolrRocks, an admin of everything; and a user known to the
     * cluster but given no role, visitor with password Visitor1, whom every request is forbidden.
     */
    private static final String SECURITY = "{\"authentication\":{\"blockUnknown\":true,"
            + "\"class\":\"solr.BasicAuthPlugin\","
            + "\"credentials\":{\"solr\":\"IV0EHq1OnNrj6gvRCwvFwTrZ1+z1oBbnQdiVC3otuq0="
            + "\\u0020Ndd7LKvVBAaZIF0QAVi1ekCfAJXr1GGfLtRUXhgrF8c=\","
            + "\"visitor\":\"" + solrHash("Visitor1", new byte[32]) + "\"},\"forwardCredentials\":false},"
            + "\"authorization\":{\"class\":\"solr.RuleBasedAuthorizationPlugin\","
            + "\"permissions\":[{\"name\":\"all\",\"role\":\"admin\"}],\"user-role\":{\"solr\":\"admin\"}}}";

    /**
     * A password as Solr's BasicAuthPlugin stores it: SHA-256 of the salt and the password, hashed again, then the
     * salt, both in Base64, apart by a space (written as a JSON escape: ZooKeeper's client reads one word).
     */
    private static String solrHash(String password, byte[] salt) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            byte[] hash = sha.digest(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
            return Base64.getEncoder().encodeToString(hash) + "\\u0020" + Base64.getEncoder().encodeToString(salt);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @TempDir
    static Path dir;
    private static SolrCluster cluster;

    @BeforeAll
    static void startASecuredCluster() throws Exception {
        cluster = SolrCluster.startSecured(dir, 2, SECURITY);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theRightPasswordIsLetInAndNoneOrAWrongOneIsToldApart() throws Exception {
        var admin = "admin/collections?action=LIST&wt=json";
        var right = new SolrNodes(cluster.addresses(), Duration.ofSeconds(30),
                new SolrCredentials("solr", "SolrRocks"));
        assertTrue(right.get(admin).path("collections").isArray());

        var none = assertThrows(IOException.class, () -> new SolrNodes(cluster.addresses(), Duration.ofSeconds(30))
                .get(admin));
        assertTrue(none.getMessage().contains("401: the cluster asks for a user and password"), none.getMessage());
        var wrong = assertThrows(IOException.class, () -> new SolrNodes(cluster.addresses(), Duration.ofSeconds(30),
                new SolrCredentials("solr", "wrong")).get(admin));
        assertTrue(wrong.getMessage().contains("401: the cluster refused the password of user solr"),
                wrong.getMessage());
        assertFalse(wrong.getMessage().contains("wrong"), "the password stays out of messages");
        var forbidden = assertThrows(IOException.class, () -> new SolrNodes(cluster.addresses(), Duration.ofSeconds(30),
                new SolrCredentials("visitor", "Visitor1")).get(admin));
        assertTrue(forbidden.getMessage().contains("403: user visitor may not do this on the cluster"),
                forbidden.getMessage());
    }

    /** {@code index --engine … --engine-credentials FILE}: the reports written; without the file, one plain line. */
    @Test
    void theIndexCommandWritesThroughAuthenticationWithACredentialsFile() throws Exception {
        String engine = cluster.addresses().stream().map(Object::toString).collect(Collectors.joining(","));
        Path credentials = Files.writeString(dir.resolve("credentials"), "solr:SolrRocks\n");
        JarProcess.Result written = JarProcess.run("index", "--engine", engine, "--engine-credentials",
                credentials.toString(), "--reports", BundledReports.DIR.toString());
        assertEquals(0, written.exitCode(), written.out() + written.err());
        assertTrue(written.out().contains("Indexed 5 reports, 208 units"), written.out());

        JarProcess.Result refused = JarProcess.run("remove", BundledReports.WORKING_GROUP_2023, "--engine", engine);
        assertEquals(1, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().strip().startsWith("tipsearch: node ")
                && refused.err().contains("the cluster asks for a user and password"), refused.err());
        assertFalse(refused.err().contains("\tat "), "no stack trace: " + refused.err());

        JarProcess.Result missing = JarProcess.run("remove", BundledReports.WORKING_GROUP_2023, "--engine", engine,
                "--engine-credentials", dir.resolve("no-such-file").toString());
        assertEquals(1, missing.exitCode(), missing.out() + missing.err());
        assertTrue(missing.err().contains("the credentials file"), missing.err());
    }
}
