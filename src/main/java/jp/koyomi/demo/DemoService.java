package jp.koyomi.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Random;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.catalog.ProductImporter;
import jp.koyomi.customer.CustomerImporter;
import jp.koyomi.imports.ImportService;
import jp.koyomi.order.OrderImporter;
import jp.koyomi.region.PrefectureDirectory;

/** Loads the demo brand through the same importers a brand's files go through. */
@ApplicationScoped
public class DemoService {

    private static final Logger LOG = Logger.getLogger(DemoService.class);
    static final int CHUNK = 5000;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject
    ImportService imports;

    @Inject
    PrefectureDirectory prefectures;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /** The catalog and customers 1..{@code customers} with their orders. */
    public void loadBrand(int customers) {
        long start = System.nanoTime();
        DemoBrand brand = brand();
        imports.run(new ProductImporter(clock), brand.productRows());
        backdateArrivals(brand);
        addCustomers(brand, 1, customers);
        LOG.infof("Loaded the demo brand: %d styles, %d customers with their orders, in %d ms", brand.styles().size(),
                customers, (System.nanoTime() - start) / 1_000_000);
    }

    /** Adds {@code count} more demo customers with orders after the highest one there is, a chunk per transaction. */
    public int addCustomers(int count) {
        return addCustomers(brand(), highestDemoCustomer() + 1, count);
    }

    private int addCustomers(DemoBrand brand, int first, int count) {
        int last = first + count - 1;
        for (int from = first; from <= last; from += CHUNK) {
            int to = Math.min(last, from + CHUNK - 1);
            imports.run(new CustomerImporter(prefectures, clock), brand.customerRows(from, to));
            imports.run(new OrderImporter(), brand.orderRows(from, to));
        }
        return count;
    }

    private DemoBrand brand() {
        return new DemoBrand(LocalDate.now(clock.withZone(TOKYO)));
    }

    /** Most styles have been on sale for a while; only the few marked new arrived this month. */
    @Transactional
    void backdateArrivals(DemoBrand brand) {
        Random random = new Random(7);
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE product_style SET arrived_at = ? WHERE style_code = ?")) {
            for (DemoCatalog.Style style : brand.styles()) {
                s.setObject(1, now.minusDays(style.newArrival() ? 1 + random.nextInt(20) : 60 + random.nextInt(800)));
                s.setString(2, style.code());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot date the demo arrivals", e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    int highestDemoCustomer() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT MAX(external_id) FROM customer WHERE external_id LIKE 'DEMO-%'");
                var rs = s.executeQuery()) {
            String max = rs.next() ? rs.getString(1) : null;
            return max == null ? 0 : Integer.parseInt(max.substring(5));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the demo customers", e);
        }
    }
}
