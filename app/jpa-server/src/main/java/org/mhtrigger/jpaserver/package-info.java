/**
 * A HAPI FHIR JPA server for tests, run as a separate process: start at {@link org.mhtrigger.jpaserver.JpaServerLauncher}.
 * Built from app/jpa-server/pom.xml on its own classpath (HAPI 8.8.0); never part of the product.
 */
package org.mhtrigger.jpaserver;
