package com.switchboard.number;

/** The Add-numbers form as typed: a site, a first number and, for a range, the last one. */
public class NumberForm {

    private Long siteId;
    private String from;
    private String to;

    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
}
