package io.scamsignal.domain.report;

import java.math.BigDecimal;
import java.util.List;

/** Money lost; {@code amount} and {@code currency} are null together when no amount was given. */
public record Loss(BigDecimal amount, String currency, List<PaymentMethod> paymentMethods) {

    public Loss {
        paymentMethods = List.copyOf(paymentMethods);
    }

    public static Loss none() {
        return new Loss(null, null, List.of());
    }
}
