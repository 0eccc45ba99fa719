package io.zhihang.adapter.persistence.search;

import io.zhihang.application.port.out.search.EventSearchIndex.Criteria;
import io.zhihang.application.port.out.search.EventSearchIndex.Hit;
import io.zhihang.application.port.out.search.EventSearchIndex.Order;
import io.zhihang.domain.room.HistorySpans;
import io.zhihang.domain.search.SearchField;
import io.zhihang.domain.search.SearchQuery;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The search query in each database's terms. PostgreSQL: the {@link SearchQuery} as a {@code tsquery} (unquoted words
 * as prefixes {@code 'word':*}, phrases with {@code <->}, {@code !} and {@code |}) against the GIN-indexed vector,
 * ranked by {@code ts_rank}. H2: each term as a regular expression over the indexed words (which are separated by
 * single spaces), ranked by how often the positive terms occur. The rank is returned as a double precision number so
 * that a page token carrying it compares exactly.
 */
enum SearchSql {
    POSTGRESQL, H2;

    /** SQL with its parameters in order. */
    record Statement(String sql, List<Object> params) {
        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                switch (params.get(i)) {
                    case String s -> statement.setString(i + 1, s);
                    case Long l -> statement.setLong(i + 1, l);
                    case Integer n -> statement.setInt(i + 1, n);
                    case Double d -> statement.setDouble(i + 1, d);
                    default -> throw new IllegalArgumentException("Unexpected parameter " + params.get(i));
                }
            }
        }
    }

    Statement search(Criteria criteria, Order order, Hit after, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT m.event_id, m.room_id, m.stream_ordering, m.rank FROM (")
                .append("SELECT s.event_id, s.room_id, s.stream_ordering, ").append(rank(criteria.query(), params))
                .append(" AS rank").append(fromWhere(criteria, params)).append(") m");
        if (order == Order.RANK) {
            if (after != null) {
                sql.append(" WHERE (m.rank < ? OR (m.rank = ? AND m.stream_ordering < ?))");
                Collections.addAll(params, after.rank(), after.rank(), after.streamOrdering());
            }
            sql.append(" ORDER BY m.rank DESC, m.stream_ordering DESC");
        } else {
            if (after != null) {
                sql.append(" WHERE m.stream_ordering < ?");
                params.add(after.streamOrdering());
            }
            sql.append(" ORDER BY m.stream_ordering DESC");
        }
        sql.append(" LIMIT ?");
        params.add(limit);
        return new Statement(sql.toString(), params);
    }

    Statement count(Criteria criteria) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT COUNT(*)" + fromWhere(criteria, params);
        return new Statement(sql, params);
    }

    /** {@code FROM … WHERE …} for the criteria: rooms, fields, senders, message types and the text match. */
    private String fromWhere(Criteria criteria, List<Object> params) {
        StringBuilder sql = new StringBuilder(" FROM event_search s");
        if (this == POSTGRESQL) {
            sql.append(", to_tsquery('simple', ?) q");
            params.add(tsQuery(criteria.query()));
        }
        sql.append(" WHERE ").append(rooms(criteria.rooms(), params));
        List<String> fields = criteria.fields().stream().map(SearchField::key).sorted().toList();
        sql.append(" AND s.field IN (").append(marks(fields, params)).append(')');
        if (criteria.senders() != null) {
            sql.append(criteria.senders().isEmpty() ? " AND 1 = 0"
                    : " AND s.sender IN (" + marks(criteria.senders(), params) + ")");
        }
        if (!criteria.notSenders().isEmpty()) {
            sql.append(" AND s.sender NOT IN (").append(marks(criteria.notSenders(), params)).append(')');
        }
        if (criteria.messageTypes() != null) {
            sql.append(criteria.messageTypes().isEmpty() ? " AND 1 = 0"
                    : " AND s.message_type IN (" + marks(criteria.messageTypes(), params) + ")");
        }
        return sql.append(" AND ").append(match(criteria.query(), params)).toString();
    }

    /**
     * The rooms, each within its visible stretches: rooms visible throughout in one {@code IN} list, the others as
     * {@code (room, from, to)} ranges.
     */
    private static String rooms(Map<String, List<HistorySpans.Span>> rooms, List<Object> params) {
        Set<String> whole = rooms.entrySet().stream()
                .filter(e -> e.getValue().equals(List.of(HistorySpans.Span.ALL))).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> any = new ArrayList<>();
        if (!whole.isEmpty()) {
            any.add("s.room_id IN (" + marks(whole, params) + ")");
        }
        rooms.forEach((room, spans) -> {
            if (!whole.contains(room)) {
                for (HistorySpans.Span span : spans) {
                    any.add("(s.room_id = ? AND s.stream_ordering >= ? AND s.stream_ordering < ?)");
                    Collections.addAll(params, room, span.from(), span.to());
                }
            }
        });
        return any.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", any) + ")";
    }

    private String match(SearchQuery query, List<Object> params) {
        if (this == POSTGRESQL) {
            return "s.vector @@ q";
        }
        List<String> groups = new ArrayList<>();
        for (List<SearchQuery.Term> group : query.groups()) {
            List<String> terms = new ArrayList<>();
            for (SearchQuery.Term term : group) {
                terms.add((term.negated() ? "NOT " : "") + "REGEXP_LIKE(s.words, ?)");
                params.add(regex(term));
            }
            groups.add("(" + String.join(" AND ", terms) + ")");
        }
        return "(" + String.join(" OR ", groups) + ")";
    }

    private String rank(SearchQuery query, List<Object> params) {
        if (this == POSTGRESQL) {
            return "CAST(ts_rank(s.vector, q) AS DOUBLE PRECISION)";
        }
        // Each occurrence gets a '#' appended (indexed words hold no '#'): the growth in length counts them.
        List<String> counts = new ArrayList<>();
        for (SearchQuery.Term term : query.positiveTerms()) {
            counts.add("LENGTH(REGEXP_REPLACE(s.words, ?, '$0#')) - LENGTH(s.words)");
            params.add(regex(term));
        }
        return "CAST(" + String.join(" + ", counts) + " AS DOUBLE PRECISION)";
    }

    /** The query as PostgreSQL's {@code to_tsquery} syntax. */
    static String tsQuery(SearchQuery query) {
        return query.groups().stream()
                .map(group -> group.stream().map(SearchSql::tsTerm).collect(Collectors.joining(" & ", "(", ")")))
                .collect(Collectors.joining(" | "));
    }

    private static String tsTerm(SearchQuery.Term term) {
        String phrase = term.words().stream()
                .map(word -> "'" + word.replace("\\", "\\\\").replace("'", "''") + "'" + (term.exact() ? "" : ":*"))
                .collect(Collectors.joining(" <-> ", "(", ")"));
        return term.negated() ? "!" + phrase : phrase;
    }

    /** A term as a regular expression over indexed words: each word starts a word (or is one, when exact). */
    static String regex(SearchQuery.Term term) {
        String between = term.exact() ? " " : "[^ ]* ";
        return "(^| )" + term.words().stream().map(Pattern::quote).collect(Collectors.joining(between))
                + (term.exact() ? "(?= |$)" : "");
    }

    private static String marks(Collection<String> values, List<Object> params) {
        params.addAll(values);
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }
}
