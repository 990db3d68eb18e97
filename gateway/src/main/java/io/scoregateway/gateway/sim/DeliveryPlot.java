package io.scoregateway.gateway.sim;

import io.scoregateway.model.PacingMode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG of cumulative delivery against plan (share of budget over the flight) for a few campaigns.
 */
final class DeliveryPlot {
  private static final int W = 1000;
  private static final int H = 620;
  private static final int LEFT = 70;
  private static final int RIGHT = 250;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final Color[] COLORS = {
    new Color(0x1f77b4),
    new Color(0xd62728),
    new Color(0x2ca02c),
    new Color(0x9467bd),
    new Color(0xff7f0e)
  };

  /**
   * One campaign to draw: its run, and optionally the same campaign's asap run against its plan.
   */
  record Line(String label, CampaignSeries run, CampaignSeries asap) {}

  private DeliveryPlot() {}

  /**
   * {@code span} is the time the series cover (flight and tail) in {@code unit}s, e.g. 24 "h" or 44
   * "s".
   */
  static void write(Path file, String title, double span, String unit, List<Line> lines)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    axes(g, title, span, unit);
    int legendY = TOP + 10;
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      Color c = COLORS[i % COLORS.length];
      long budget = l.run().campaign.budget();
      Stroke dashed =
          new BasicStroke(
              1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {6, 4}, 0);
      series(g, c, new BasicStroke(2.5f), toDouble(l.run().delivered), budget);
      legendY = legend(g, c, l.label() + ": delivered", new BasicStroke(2.5f), legendY);
      if (l.run().campaign.pacing() != PacingMode.ASAP) {
        series(g, c, dashed, l.run().planned, budget);
        legendY = legend(g, c, "plan", dashed, legendY);
      }
      if (l.asap() != null) {
        Stroke dotted =
            new BasicStroke(
                1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1, new float[] {1, 4}, 0);
        series(g, c, dotted, toDouble(l.asap().delivered), l.asap().campaign.budget());
        legendY = legend(g, c, "same budget, asap", dotted, legendY);
      }
      legendY += 8;
    }
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }

  private static void axes(Graphics2D g, String title, double span, String unit) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, LEFT, 28);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int x0 = LEFT;
    int y0 = H - BOTTOM;
    int x1 = W - RIGHT;
    g.drawLine(x0, y0, x1, y0);
    g.drawLine(x0, y0, x0, TOP);
    for (int p = 0; p <= 100; p += 20) {
      int y = y(p / 100.0);
      g.setColor(new Color(0xdddddd));
      g.drawLine(x0 + 1, y, x1, y);
      g.setColor(Color.BLACK);
      g.drawString(p + "%", x0 - 40, y + 4);
    }
    int step = (int) Math.max(1, span / 8);
    for (int h = 0; h <= span; h += step) {
      int x = x0 + (int) ((x1 - x0) * (h / span));
      g.drawLine(x, y0, x, y0 + 5);
      g.drawString(h + unit, x - 8, y0 + 20);
    }
    g.drawString("time into flight", (x0 + x1) / 2 - 40, H - 15);
    g.drawString("delivered / budget", 8, TOP - 10);
  }

  private static void series(Graphics2D g, Color c, Stroke stroke, double[] values, long budget) {
    g.setColor(c);
    g.setStroke(stroke);
    int n = values.length;
    Path2D.Double path = new Path2D.Double();
    path.moveTo(x(0, n), y(0));
    for (int s = 0; s < n; s++) {
      path.lineTo(x(s + 1, n), y(Math.min(1.2, values[s] / budget)));
    }
    g.draw(path);
    g.setStroke(new BasicStroke(1));
  }

  private static int legend(Graphics2D g, Color c, String text, Stroke stroke, int y) {
    int x = W - RIGHT + 15;
    g.setColor(c);
    g.setStroke(stroke);
    g.drawLine(x, y, x + 30, y);
    g.setStroke(new BasicStroke(1));
    g.setColor(Color.BLACK);
    g.drawString(text, x + 38, y + 4);
    return y + 18;
  }

  private static int x(int slot, int slots) {
    return LEFT + (int) ((W - RIGHT - LEFT) * (slot / (double) slots));
  }

  private static int y(double share) {
    return H - BOTTOM - (int) ((H - BOTTOM - TOP) * share / 1.0);
  }

  private static double[] toDouble(long[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}
