import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * One SolrCloud node in a JVM of its own, for the cluster tests (issue 21): run with Java's source launcher on the
 * class path cluster/solr/target/solr-lib, so that Solr's Lucene 9 never meets tipsearch's.
 * Usage: java -cp 'cluster/solr/target/solr-lib/*' src/test/solr/SolrNode.java HOME PORT ZKHOST
 * It prints "ready PORT" once it listens, and stops when its standard input closes or reads "stop".
 */
public class SolrNode {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(home);
        Files.writeString(home.resolve("solr.xml"), MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML, StandardCharsets.UTF_8);
        System.setProperty("zkHost", args[2]);
        System.setProperty("solr.log.dir", home.resolve("logs").toString());
        var config = JettyConfig.builder().setPort(port).setContext("/solr").stopAtShutdown(true).build();
        var node = new JettySolrRunner(home.toString(), new Properties(), config);
        node.start();
        System.out.println("ready " + node.getLocalPort());
        System.out.flush();
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.strip().equals("stop"); line = in.readLine()) {
            // waits for the word to stop, or for the test's end to close the pipe
        }
        node.stop();
        System.exit(0);
    }
}
