package jp.renkei.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring Boot application. It is started by the CLI ({@code serve} with the web server, the
 * {@code admin} and {@code audit} commands without it); see {@link jp.renkei.server.cli.RenkeiCli}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RenkeiApplication {}
