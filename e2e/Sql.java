import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/**
 * Runs one SQL query and prints its rows, columns separated by tabs (the embedded PostgreSQL binaries have no psql).
 * Used by the end-to-end checks to look at the database behind the registry's back.
 *
 * <pre>java -cp postgresql.jar Sql.java jdbc:postgresql://127.0.0.1:5432/registry "SELECT ..."</pre>
 */
public final class Sql {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java -cp postgresql.jar Sql.java <jdbc-url> <sql>");
            System.exit(2);
        }
        try (Connection c = DriverManager.getConnection(args[0], "postgres", "");
             Statement s = c.createStatement()) {
            s.setQueryTimeout(60);
            if (!s.execute(args[1])) {
                System.out.println(s.getUpdateCount());
                return;
            }
            try (ResultSet rs = s.getResultSet()) {
                ResultSetMetaData meta = rs.getMetaData();
                StringBuilder line = new StringBuilder();
                while (rs.next()) {
                    line.setLength(0);
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        if (i > 1) {
                            line.append('\t');
                        }
                        String v = rs.getString(i);
                        line.append(v == null ? "" : v);
                    }
                    System.out.println(line);
                }
            }
        }
    }
}
