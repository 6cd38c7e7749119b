package jp.renkei.server.exposure;

/**
 * One inventory row to import: a domain, a host, an IP range or a service (host, port and what it
 * runs as a CPE 2.3 name and/or a purl), with its owner and criticality.
 */
public record NewAsset(
    String kind,
    String value,
    Integer port,
    String protocol,
    String product,
    String version,
    String cpe,
    String purl,
    String owner,
    String criticality,
    boolean publicFacing) {}
