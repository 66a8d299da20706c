package jp.koyomi.customer;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.koyomi.common.ConflictException;
import jp.koyomi.common.InvalidInputException;
import jp.koyomi.common.NotFoundException;
import jp.koyomi.region.PrefectureDirectory;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerService {

    static final int MAX_PAGE = 1000;

    @Inject
    CustomerRepository customers;

    @Inject
    PrefectureDirectory prefectures;

    @Inject
    ConsentService consents;

    @Inject
    Clock clock;

    public CustomerView get(String externalId) {
        Customer customer = customers.findByExternalId(externalId)
                .orElseThrow(() -> new NotFoundException("customer", externalId));
        return view(customer, customers.sizesOf(List.of(customer.id)).getOrDefault(customer.id, Map.of()));
    }

    /**
     * Records a consent change the customer gave the brand: the way to a genuine new opt-in after
     * they withdrew (an import cannot grant it again). 409 when a later change is stored already.
     */
    @Transactional
    public CustomerView recordConsent(String externalId, ConsentRequest request) {
        ValidConsent valid = ValidConsent.of(request, clock.instant());
        long id = customers.idOf(externalId).orElseThrow(() -> new NotFoundException("customer", externalId));
        ConsentService.Outcome outcome = consents.record(id, valid.channel(), valid.granted(), valid.source(), valid.at());
        CustomerView view = get(externalId);
        if (outcome == ConsentService.Outcome.NEWER_CHANGE_STANDS) {
            CustomerView.Consent stored = view.consents().get(valid.channel().name().toLowerCase());
            throw new ConflictException("the " + valid.channel() + " consent of customer " + externalId + " was "
                    + (stored.granted() ? "granted" : "withdrawn") + " at " + stored.changedAt() + " (source "
                    + stored.source() + "), not earlier than this change at " + valid.at() + ": the later change stands");
        }
        return view;
    }

    public CustomerPage page(String after, int limit) {
        return search(null, after, limit);
    }

    /** Like {@link #page}, narrowed to the customers a search finds (see {@link CustomerRepository#search}). */
    public CustomerPage search(String query, String after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
        }
        List<Customer> page = query == null || query.isBlank() ? customers.pageAfter(after, limit)
                : customers.search(query, after, limit);
        Map<Long, Map<String, String>> sizes = customers.sizesOf(page.stream().map(c -> c.id).toList());
        List<CustomerView> items = page.stream().map(c -> view(c, sizes.getOrDefault(c.id, Map.of()))).toList();
        String nextAfter = page.size() == limit ? page.get(page.size() - 1).externalId : null;
        return new CustomerPage(items, nextAfter);
    }

    private CustomerView view(Customer c, Map<String, String> sizes) {
        return CustomerView.of(c, c.prefectureCode == null ? null : prefectures.byCode(c.prefectureCode).orElse(null),
                sizes);
    }

    /** One keyset page; pass {@code next_after} as {@code after} to get the following one (null at the end). */
    @Schema(name = "CustomerPage", requiredProperties = { "items", "next_after" })
    public record CustomerPage(List<CustomerView> items,
            @Schema(nullable = true, description = "Pass as after for the next page; null on the last page") String nextAfter) {
    }
}
