package jp.renkei.server.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The SQL the hub's request threads send to the real database, in order, while recording: the text
 * of every statement prepared or executed, and every commit and rollback (parameters are not kept).
 * For tests that compare the work two requests do (accounts29: sign-in paths) without timing them.
 * The application's {@link DataSource} is wrapped, not replaced: every statement still runs on the
 * embedded PostgreSQL. Importing this starts a Spring context of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementLog {

  private static final List<String> RECORDED = new ArrayList<>();
  private static volatile boolean recording;

  /** Starts recording afresh. */
  public static synchronized void start() {
    RECORDED.clear();
    recording = true;
  }

  /** Stops recording; what the request threads sent since {@link #start}. */
  public static synchronized List<String> stop() {
    recording = false;
    return List.copyOf(RECORDED);
  }

  private static void record(String what) {
    if (recording && Thread.currentThread().getName().startsWith("http-nio")) {
      synchronized (StatementLog.class) {
        RECORDED.add(what);
      }
    }
  }

  @Bean
  static BeanPostProcessor statementLogDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource ds
            ? wrap(DataSource.class, ds, StatementLog::data)
            : bean;
      }
    };
  }

  private interface Handler {
    Object invoke(Object target, Method m, Object[] args) throws Throwable;
  }

  private static <T> T wrap(Class<T> type, T target, Handler h) {
    InvocationHandler ih =
        (proxy, m, args) -> {
          try {
            return h.invoke(target, m, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(
        Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, ih));
  }

  private static Object data(Object target, Method m, Object[] args) throws Throwable {
    Object out = m.invoke(target, args);
    return out instanceof Connection c ? wrap(Connection.class, c, StatementLog::connection) : out;
  }

  private static Object connection(Object target, Method m, Object[] args) throws Throwable {
    String name = m.getName();
    if ((name.equals("prepareStatement") || name.equals("prepareCall"))
        && args != null
        && args[0] instanceof String sql) {
      record(sql);
    } else if (name.equals("commit") || name.equals("rollback")) {
      record(name);
    }
    Object out = m.invoke(target, args);
    return out instanceof Statement s && name.equals("createStatement")
        ? wrap(Statement.class, s, StatementLog::statement)
        : out;
  }

  private static Object statement(Object target, Method m, Object[] args) throws Throwable {
    if (m.getName().startsWith("execute") && args != null && args[0] instanceof String sql) {
      record(sql);
    }
    return m.invoke(target, args);
  }
}
