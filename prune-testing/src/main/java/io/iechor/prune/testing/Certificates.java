package io.iechor.prune.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a throwaway CA, a server certificate for {@code 127.0.0.1}/{@code localhost} and a
 * client certificate with the {@code openssl} CLI.
 *
 * <p>The layout follows what Docker users have: the server files are passed to dockerd's
 * {@code --tlscacert/--tlscert/--tlskey}, and {@code client/} holds {@code ca.pem},
 * {@code cert.pem} and {@code key.pem}, which is what {@code DOCKER_CERT_PATH} points to.
 * Keys are RSA 2048 in PKCS#8 PEM, which is what {@code openssl} 3 and most guides produce.
 */
final class Certificates {

    // Our own config, so the result does not depend on the distribution's openssl.cnf defaults.
    private static final String CONFIG = """
            [req]
            distinguished_name = dn
            prompt = no
            [dn]
            CN = iechor-test
            [ca]
            basicConstraints = critical,CA:TRUE
            keyUsage = critical,keyCertSign,cRLSign
            subjectKeyIdentifier = hash
            [server]
            basicConstraints = critical,CA:FALSE
            keyUsage = critical,digitalSignature,keyEncipherment
            extendedKeyUsage = serverAuth
            subjectAltName = IP:127.0.0.1,DNS:localhost
            [client]
            basicConstraints = critical,CA:FALSE
            keyUsage = critical,digitalSignature,keyEncipherment
            extendedKeyUsage = clientAuth
            """;

    /** Where the generated files are. */
    record Issued(Path caCertificate, Path serverCertificate, Path serverKey, Path clientDirectory) {
    }

    private Certificates() {
    }

    static Issued generate(Path directory) {
        try {
            Path client = Files.createDirectories(directory.resolve("client"));
            Path config = Files.writeString(directory.resolve("openssl.cnf"), CONFIG);
            Path caKey = key(directory.resolve("ca-key.pem"));
            Path ca = directory.resolve("ca.pem");
            openssl("req", "-new", "-x509", "-config", config.toString(), "-extensions", "ca",
                    "-key", caKey.toString(), "-subj", "/CN=iechor-test-ca", "-days", "7", "-sha256",
                    "-out", ca.toString());
            Path serverKey = key(directory.resolve("server-key.pem"));
            Path serverCert = sign(directory, config, "server", "/CN=localhost", serverKey,
                    directory.resolve("server-cert.pem"));
            Path clientKey = key(client.resolve("key.pem"));
            sign(directory, config, "client", "/CN=iechor-test-client", clientKey, client.resolve("cert.pem"));
            Files.copy(ca, client.resolve("ca.pem"), StandardCopyOption.REPLACE_EXISTING);
            return new Issued(ca, serverCert, serverKey, client);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write certificates to " + directory, e);
        }
    }

    private static Path key(Path file) {
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", file.toString());
        return file;
    }

    private static Path sign(Path directory, Path config, String extensions, String subject, Path key, Path out) {
        Path request = directory.resolve(extensions + ".csr");
        openssl("req", "-new", "-config", config.toString(), "-key", key.toString(), "-subj", subject,
                "-out", request.toString());
        openssl("x509", "-req", "-in", request.toString(), "-CA", directory.resolve("ca.pem").toString(),
                "-CAkey", directory.resolve("ca-key.pem").toString(), "-CAcreateserial",
                "-extfile", config.toString(), "-extensions", extensions, "-days", "7", "-sha256",
                "-out", out.toString());
        return out;
    }

    private static void openssl(String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Commands.run(command).orThrow();
    }
}
