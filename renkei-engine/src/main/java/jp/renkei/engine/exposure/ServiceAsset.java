package jp.renkei.engine.exposure;

/**
 * An inventory service as the matcher and the SSVC decision see it.
 *
 * @param id the service's id in the inventory
 * @param product what it runs
 * @param criticality the mission and well-being impact of the service it supports: {@code low},
 *     {@code medium}, {@code high}, or null (unknown)
 * @param publicFacing whether it is reachable from the Internet (BOD 26-04's asset exposure)
 */
public record ServiceAsset(long id, ProductId product, String criticality, boolean publicFacing) {}
