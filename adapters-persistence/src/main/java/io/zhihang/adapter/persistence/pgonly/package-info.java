/**
 * Intentionally empty: the {@code pg} persistence unit must name a package; its entities come from
 * {@code META-INF/orm-pg.xml} instead, because Panache refuses an entity attached to two units by package.
 */
package io.zhihang.adapter.persistence.pgonly;
