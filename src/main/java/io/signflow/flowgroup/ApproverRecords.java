package io.signflow.flowgroup;

import java.util.AbstractMap.SimpleEntry;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What signing records on a contract's approvers and their controls: which signer stands behind an
 * approver, how often they were reminded, and the values they filled in. The approver and component
 * tables are this module's, so signing writes them only through here; the status machine is
 * {@link FlowProgress}.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ApproverRecords {

    private static final List<String> SEAL_CONTROLS = List.of("SIGN_SEAL", "SIGN_LEGAL_PERSON_SEAL");
    private final JdbcClient jdbc;

    public ApproverRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The signer of an approver named after the group was created (a dynamic signer). */
    public void linkSigner(String recipientId, String signerId) {
        FlowMemos.APPROVERS.updateAll(approvers -> approvers.stream()
                .map(a -> a.recipientId().equals(recipientId) ? a.withSigner(signerId) : a).toList());
        jdbc.sql("update approver set signer_id = ? where recipient_id = ?").params(signerId, recipientId).update();
    }

    /** How often each approver of the contracts was reminded, by recipient id. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<String, Integer> remindersSoFar(Collection<String> flowIds) {
        if (flowIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select recipient_id, reminded from approver where flow_id in (:ids)").param("ids", flowIds)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void countReminder(List<String> recipientIds) {
        jdbc.sql("update approver set reminded = reminded + 1 where recipient_id in (:ids)").param("ids", recipientIds)
                .update();
    }

    /**
     * The seal an auto-signer's first control of each seal type names, by type (SIGN_SEAL,
     * SIGN_LEGAL_PERSON_SEAL); every one names a seal, checked at creation.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<String, String> seals(String recipientId) {
        return FlowMemos.SEALS.get(recipientId, id -> Optional.of(sealsNamed(jdbc.sql("select component_type, "
                        + "component_value from component where recipient_id = :id and component_type in (:types) "
                        + "order by id").param("id", id).param("types", SEAL_CONTROLS)
                .query((rs, n) -> new SimpleEntry<>(rs.getString(1), rs.getString(2))).list())))
                .orElseThrow();
    }

    /** The first seal named for each seal type, from an approver's controls in the order they were written. */
    static Map<String, String> sealsNamed(List<? extends Map.Entry<String, String>> controls) {
        Map<String, String> seals = new HashMap<>();
        controls.stream().filter(c -> SEAL_CONTROLS.contains(c.getKey()))
                .forEach(c -> seals.putIfAbsent(c.getKey(), c.getValue()));
        return Collections.unmodifiableMap(seals);
    }

    /** A value the signer filled into one of their controls, already checked against the control's rules. */
    public void fill(long componentId, String value) {
        FlowMemos.SEALS.forgetAll();
        jdbc.sql("update component set component_value = ? where id = ?").params(value, componentId).update();
    }
}
