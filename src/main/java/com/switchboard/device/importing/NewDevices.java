package com.switchboard.device.importing;

import java.util.Arrays;

/** The devices a file adds, column by column in plain arrays: a hundred thousand rows stay a few megabytes. */
final class NewDevices {

    private long[] sites = new long[1024];
    private long[] models = new long[1024];
    private String[] macs = new String[1024];
    private String[] labels = new String[1024];
    private int size;

    void add(long siteId, long modelId, String mac, String label) {
        if (size == sites.length) {
            int capacity = size * 2;
            sites = Arrays.copyOf(sites, capacity);
            models = Arrays.copyOf(models, capacity);
            macs = Arrays.copyOf(macs, capacity);
            labels = Arrays.copyOf(labels, capacity);
        }
        sites[size] = siteId;
        models[size] = modelId;
        macs[size] = mac;
        labels[size] = label;
        size++;
    }

    int size() {
        return size;
    }

    long site(int i) {
        return sites[i];
    }

    long model(int i) {
        return models[i];
    }

    String mac(int i) {
        return macs[i];
    }

    String label(int i) {
        return labels[i];
    }
}
