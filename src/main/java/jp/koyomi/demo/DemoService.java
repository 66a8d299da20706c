package jp.koyomi.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jp.koyomi.catalog.ProductImporter;
import jp.koyomi.customer.CustomerImporter;
import jp.koyomi.imports.BulkCopy;
import jp.koyomi.imports.ImportService;
import jp.koyomi.order.OrderImporter;
import jp.koyomi.region.PrefectureDirectory;

/** Loads the demo brand and generates more of its customers with their orders. */
@ApplicationScoped
public class DemoService {

    private static final Logger LOG = Logger.getLogger(DemoService.class);
    /** Customers per transaction: about 25,000 order lines on the bulk path, a few MB of COPY text. */
    static final int CHUNK = 5000;
    /** Chunks written at once on PostgreSQL: the machine's two cores, one chunk each. */
    static final int WRITERS = 2;
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

    /**
     * A chunk per transaction, so memory holds a chunk or two and never all customers. PostgreSQL
     * takes the bulk path (COPY straight into the tables), two chunks side by side: one is generated
     * while the other is copied, and PostgreSQL works on both in two backends. H2, the small
     * embedded database of the README's run, goes through the importers, which check every
     * generated row as they would a file's.
     */
    private int addCustomers(DemoBrand brand, int first, int count) {
        int last = first + count - 1;
        if (!onPostgreSql()) {
            for (int from = first; from <= last; from += CHUNK) {
                int to = Math.min(last, from + CHUNK - 1);
                imports.run(new CustomerImporter(prefectures, clock), brand.customerRows(from, to));
                imports.run(new OrderImporter(), brand.orderRows(from, to));
            }
            return count;
        }
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> chunks = new ArrayList<>();
            for (int from = first; from <= last; from += CHUNK) {
                int chunkFirst = from;
                int chunkLast = Math.min(last, from + CHUNK - 1);
                chunks.add(writers.submit(() -> writeChunk(brand, chunkFirst, chunkLast)));
            }
            for (Future<?> chunk : chunks) {
                chunk.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while generating demo customers", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot generate demo customers", e.getCause());
        } finally {
            writers.shutdownNow();
        }
        analyze();
        return count;
    }

    @Transactional
    @TransactionConfiguration(timeout = 3600)
    void writeChunk(DemoBrand brand, int from, int to) {
        try (Connection c = dataSource.getConnection()) {
            new DemoBulkWriter(c, OffsetDateTime.now(clock)).write(brand, from, to);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write demo customers " + from + " to " + to, e);
        }
    }

    /**
     * Fresh statistics for the tables just filled: a run right after a large load would otherwise be
     * planned on the old ones (docs/benchmarks.md, the delivery_cap index case).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    void analyze() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE customer, consent_event, customer_order, order_line, customer_category, customer_style");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot analyse the demo tables", e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    boolean onPostgreSql() {
        try (Connection c = dataSource.getConnection()) {
            return BulkCopy.supported(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database", e);
        }
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
