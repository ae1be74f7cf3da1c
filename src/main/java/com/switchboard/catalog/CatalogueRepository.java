package com.switchboard.catalog;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CatalogueRepository {

    private static final String SELECT = """
            select m.id, f.name as manufacturer, m.model, m.kind, m.line_keys, m.provisioning_family, m.active,
                   coalesce(array(select c.country::text from device_model_country c where c.model_id = m.id order by c.country),
                            '{}') as countries
            from device_model m join manufacturer f on f.id = m.manufacturer_id
            """;

    private static final RowMapper<DeviceModel> MODEL = (rs, n) -> new DeviceModel(new DeviceModelId(rs.getLong("id")),
            rs.getString("manufacturer"), rs.getString("model"), DeviceModel.Kind.valueOf(rs.getString("kind")),
            rs.getInt("line_keys"), rs.getString("provisioning_family"), strings(rs.getArray("countries")),
            rs.getBoolean("active"));

    private final JdbcClient jdbc;

    CatalogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DeviceModel> findAll() {
        return jdbc.sql(SELECT + " order by f.name, m.model").query(MODEL).list();
    }

    Optional<DeviceModel> find(DeviceModelId id) {
        return jdbc.sql(SELECT + " where m.id = :id").param("id", id.value()).query(MODEL).optional();
    }

    List<DeviceModel> findAvailableIn(String country) {
        return jdbc.sql(SELECT + """
                 where m.active and exists (select 1 from device_model_country c where c.model_id = m.id and c.country = :country)
                 order by f.name, m.model
                """).param("country", country).query(MODEL).list();
    }

    /** True when the manufacturer has no known prefix, or when one of its prefixes starts the MAC. */
    boolean prefixMatchesManufacturer(DeviceModelId modelId, String mac) {
        return jdbc.sql("""
                select not exists (select 1 from manufacturer_oui o where o.manufacturer_id = m.manufacturer_id)
                       or exists (select 1 from manufacturer_oui o where o.manufacturer_id = m.manufacturer_id
                                  and o.prefix in (substr(:mac, 1, 6), substr(:mac, 1, 7), substr(:mac, 1, 9)))
                from device_model m where m.id = :id
                """).param("mac", mac).param("id", modelId.value()).query(Boolean.class).optional().orElse(true);
    }

    DeviceModelId insert(ModelDetails details) {
        long manufacturerId = jdbc.sql("""
                with found as (select id from manufacturer where lower(name) = lower(:name)),
                     added as (insert into manufacturer (name) select :name where not exists (select 1 from found) returning id)
                select id from found union all select id from added
                """).param("name", details.manufacturer()).query(Long.class).single();
        try {
            long id = jdbc.sql("""
                    insert into device_model (manufacturer_id, model, kind, line_keys, provisioning_family, active)
                    values (:manufacturerId, :model, :kind, :lineKeys, :family, :active) returning id
                    """)
                    .param("manufacturerId", manufacturerId).param("model", details.model())
                    .param("kind", details.kind().name()).param("lineKeys", details.lineKeys())
                    .param("family", details.provisioningFamily()).param("active", details.active())
                    .query(Long.class).single();
            replaceCountries(new DeviceModelId(id), details.countries());
            return new DeviceModelId(id);
        } catch (DuplicateKeyException e) {
            throw new ModelExists();
        }
    }

    void update(DeviceModelId id, ModelDetails details) {
        try {
            jdbc.sql("""
                    update device_model set model = :model, kind = :kind, line_keys = :lineKeys,
                           provisioning_family = :family, active = :active
                    where id = :id
                    """)
                    .param("id", id.value()).param("model", details.model()).param("kind", details.kind().name())
                    .param("lineKeys", details.lineKeys()).param("family", details.provisioningFamily())
                    .param("active", details.active()).update();
        } catch (DuplicateKeyException e) {
            throw new ModelExists();
        }
        replaceCountries(id, details.countries());
    }

    private void replaceCountries(DeviceModelId id, List<String> countries) {
        jdbc.sql("delete from device_model_country where model_id = :id").param("id", id.value()).update();
        for (String country : countries) {
            jdbc.sql("insert into device_model_country (model_id, country) values (:id, :country)")
                    .param("id", id.value()).param("country", country).update();
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static final class ModelExists extends RuntimeException {
    }
}
