package org.mhtrigger.app;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A second process for tests: opens the H2 database at the JDBC URL it is given, as a running server would, says
 * "open" on stdout and holds it until its stdin closes.
 */
final class HoldDatabase {
    private HoldDatabase() {}

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "", "")) {
            connection.createStatement().execute("SELECT 1");
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the database until the test closes our stdin
            }
        }
    }
}
