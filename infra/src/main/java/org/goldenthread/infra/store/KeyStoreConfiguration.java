package org.goldenthread.infra.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.bson.Document;
import org.bson.types.Binary;
import org.goldenthread.kernel.PersonalDataVault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The per-person keys: a key store of their own ({@code goldenthread.keys.url}; default an H2 file
 * {@code <data-dir>/keys}), every key wrapped by the master key, tombstones of erasures beside the events.
 */
@Configuration(proxyBeanMethods = false)
public class KeyStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeyStoreConfiguration.class);

    @Bean(destroyMethod = "close")
    JdbcPersonKeyStore personKeyStore(
            @Value("${goldenthread.keys.url:}") String url,
            @Value("${goldenthread.keys.username:sa}") String username,
            @Value("${goldenthread.keys.password:}") String password,
            @Value("${goldenthread.data-dir:./data}") String dataDir) {
        String jdbcUrl = url == null || url.isBlank()
                ? "jdbc:h2:file:" + Path.of(dataDir).toAbsolutePath().resolve("keys") + ";WRITE_DELAY=0"
                : url;
        return new JdbcPersonKeyStore(jdbcUrl, username, password);
    }

    @Bean
    MasterKey masterKey(
            @Value("${goldenthread.keys.master-key:}") String masterKey,
            @Value("${goldenthread.keys.master-key-file:}") String masterKeyFile,
            @Value("${goldenthread.demo:false}") boolean demo,
            @Value("${goldenthread.data-dir:./data}") String dataDir) {
        return MasterKey.from(masterKey, masterKeyFile, demo, Path.of(dataDir).toAbsolutePath());
    }

    @Bean
    PersonalDataVault personalDataVault(
            JdbcPersonKeyStore keys, MasterKey master, DataSource eventDatabase, MongoDatabase readStore) {
        migrateFromReadStore(readStore, keys, master);
        return new SealingVault(keys, master, eventDatabase);
    }

    /**
     * Earlier versions kept the keys, unwrapped, in the read store's {@code person_keys}: they move into the key store,
     * wrapped, and leave the read store.
     */
    static void migrateFromReadStore(MongoDatabase readStore, PersonKeyStore keys, MasterKey master) {
        MongoCollection<Document> old = readStore.getCollection("person_keys");
        if (old.find().first() == null) {
            return;
        }
        Map<String, byte[]> wrapped = new LinkedHashMap<>();
        for (Document d : old.find()) {
            String ref = d.getString("_id");
            wrapped.put(ref, master.wrap(ref, d.get("key", Binary.class).getData()));
        }
        keys.createIfAbsent(wrapped);
        old.drop();
        log.info(
                "Moved {} per-person keys from the read store into the key store (wrapped by the master key)",
                wrapped.size());
    }
}
