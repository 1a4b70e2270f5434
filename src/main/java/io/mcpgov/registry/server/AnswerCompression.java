package io.mcpgov.registry.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Deflate for small cached answers, primed with the text every answer shares (the official API's field names, the
 * governance extension's keys), which a single answer of a kilobyte or two is too short to teach the compressor.
 * Compressors hold native memory, so a few are kept for reuse instead of one per thread.
 */
final class AnswerCompression {

    /** Fragments common to discovery answers; deflate finds matches best near the end, so the commonest come last. */
    private static final byte[] DICTIONARY = String.join("",
            "\"environmentVariables\":[{\"name\":\"\",\"description\":\"\",\"isRequired\":true,\"isSecret\":true,",
            "\"format\":\"string\"}],\"packages\":[{\"registryType\":\"npm\",\"registryBaseUrl\":",
            "\"https://registry.npmjs.org\",\"identifier\":\"\",\"version\":\"\",\"runtimeHint\":\"npx\",",
            "\"transport\":{\"type\":\"stdio\"}}],\"websiteUrl\":\"https://www.\",\"headers\":[{\"name\":",
            "\"Authorization\",\"value\":\"Bearer {api_key}\",\"isSecret\":true}],",
            "\"title\":\"\",\"tools\":[{\"name\":\"\",\"scopes\":[\"\"]}],",
            "\"owner\":{\"team\":\"\",\"accountableOwner\":\"\"},\"ownership\":{\"orphaned\": false},",
            "\"verification\":{\"state\": \"unverified\"}}}},",
            "\"credentials\": []}], \"hasOauth\": true, \"packages\": [], \"hasPublic\": false, ",
            "\"hasRemoteApiKey\": false, \"hasPackageSecret\": false},",
            "\"remotes\": [{\"url\": \"https://\", \"auth\": \"oauth2\", \"index\": 0, \"transport\": \"streamable-http\", ",
            "{\"oauth2\": {\"resource\": \"https://\", \"scopesRequired\": [\"read:\"], \"scopesSupported\": ",
            "[\"read:\", \"write:\"], \"clientRegistration\": {\"mode\": \"client-id-metadata-document\"}, ",
            "\"authorizationServers\": [\"https://login.\"]}, ",
            "\"io.mcpgov.registry/governance\":{\"listed\":true,\"reasons\":[],\"authType\":\"oauth2\",",
            "\"apiKeyOnly\":false,\"auth\":",
            "\"_meta\":{\"io.modelcontextprotocol.registry/official\":{\"status\":\"active\",\"statusChangedAt\":",
            "\"2026-01-01T00:00:00.000000Z\",\"publishedAt\":\"2026-01-01T00:00:00.000000Z\",\"updatedAt\":",
            "\"2026-01-01T00:00:00.000000Z\",\"isLatest\":true},",
            "\"_meta\":{\"io.modelcontextprotocol.registry/publisher-provided\":{\"io.mcpgov.registry/governance\":",
            "{\"auth\":{\"oauth2\":{\"resource\":\"https://\",\"authorizationServers\":[\"https://login.\"],",
            "\"scopesSupported\":[\"read:\",\"write:\"],\"scopesRequired\":[\"read:\"],\"clientRegistration\":",
            "{\"mode\":\"client-id-metadata-document\"}}}}}}},",
            "\"repository\":{\"url\":\"https://github.com/\",\"source\":\"github\"},\"version\":\"0.1.0\",",
            "\"remotes\":[{\"type\":\"streamable-http\",\"url\":\"https://\"}],",
            "{\"server\":{\"$schema\":\"https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json\",",
            "\"name\":\"io.github.\",\"description\":\"")
            .getBytes(StandardCharsets.UTF_8);

    private static final int KEPT = 8;
    private static final BlockingQueue<Deflater> DEFLATERS = new ArrayBlockingQueue<>(KEPT);
    private static final BlockingQueue<Inflater> INFLATERS = new ArrayBlockingQueue<>(KEPT);

    private AnswerCompression() {
    }

    static byte[] compress(byte[] answer) {
        Deflater deflater = DEFLATERS.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.BEST_SPEED, true);
        }
        try {
            deflater.setDictionary(DICTIONARY);
            deflater.setInput(answer);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(answer.length / 2 + 64);
            byte[] chunk = new byte[Math.min(answer.length + 64, 8192)];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.reset();
            if (!DEFLATERS.offer(deflater)) {
                deflater.end();
            }
        }
    }

    /** The {@code length} bytes that {@link #compress} made {@code compressed} from. */
    static byte[] expand(byte[] compressed, int length) {
        Inflater inflater = INFLATERS.poll();
        if (inflater == null) {
            inflater = new Inflater(true);
        }
        try {
            inflater.setDictionary(DICTIONARY);
            inflater.setInput(compressed);
            byte[] answer = new byte[length];
            int done = 0;
            while (done < length) {
                int n = inflater.inflate(answer, done, length - done);
                if (n == 0) {
                    throw new IllegalStateException("A cached answer expanded to " + done + " of " + length + " bytes");
                }
                done += n;
            }
            return answer;
        } catch (DataFormatException e) {
            throw new IllegalStateException("A cached answer could not be expanded", e);
        } finally {
            inflater.reset();
            if (!INFLATERS.offer(inflater)) {
                inflater.end();
            }
        }
    }
}
