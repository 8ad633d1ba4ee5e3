package org.goldenthread.infra.store;

import de.bwaldvogel.mongo.MongoServer;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.lang.reflect.Field;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The embedded read store listens on a local port, and mongo-java-server knows no passwords: so it speaks only mutual
 * TLS, with a server and a client certificate made afresh at every start and held in this process's memory only.
 * Another
 * local user who finds the port cannot complete a handshake, so cannot read or write the read models.
 */
final class ReadStoreTls {

    private static final char[] NO_PASSWORD = new char[0];

    final SslContext server;
    final SSLContext client;

    private ReadStoreTls(SslContext server, SSLContext client) {
        this.server = server;
        this.client = client;
    }

    static ReadStoreTls generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair serverKeys = generator.generateKeyPair();
            KeyPair clientKeys = generator.generateKeyPair();
            X509Certificate serverCert = selfSigned(serverKeys, "CN=golden-thread-read-store");
            X509Certificate clientCert = selfSigned(clientKeys, "CN=golden-thread-service");

            SslContext server = SslContextBuilder.forServer(serverKeys.getPrivate(), serverCert)
                    .clientAuth(ClientAuth.REQUIRE)
                    .trustManager(clientCert)
                    .build();

            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            identity.setKeyEntry("client", clientKeys.getPrivate(), NO_PASSWORD, new X509Certificate[] {clientCert});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(identity, NO_PASSWORD);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("read-store", serverCert);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
            return new ReadStoreTls(server, client);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the read store's certificates", e);
        }
    }

    /**
     * The server requires this TLS (mongo-java-server's own enableSsl has no client authentication: its context is
     * replaced).
     */
    void apply(MongoServer mongo) {
        try {
            Field context = MongoServer.class.getDeclaredField("sslContext");
            context.setAccessible(true);
            context.set(mongo, server);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "this mongo-java-server has no sslContext to require client certificates with", e);
        }
    }

    private static X509Certificate selfSigned(KeyPair keys, String name) throws Exception {
        Instant now = Instant.now();
        X500Name subject = new X500Name(name);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(3650))),
                subject,
                keys.getPublic());
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
