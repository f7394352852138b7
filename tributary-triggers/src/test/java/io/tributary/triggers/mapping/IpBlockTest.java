package io.tributary.triggers.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpBlockTest {

  @Test
  void ipv4BlocksContainTheirAddresses() {
    IpBlock block = IpBlock.parse("10.0.0.0/24");
    assertThat(block.contains("10.0.0.0")).isTrue();
    assertThat(block.contains("10.0.0.255")).isTrue();
    assertThat(block.contains("10.0.1.0")).isFalse();
    assertThat(IpBlock.parse("10.0.0.1/24")).isEqualTo(block);
    assertThat(IpBlock.parse("192.168.7.7/32").contains("192.168.7.7")).isTrue();
    assertThat(IpBlock.parse("192.168.7.7/32").contains("192.168.7.8")).isFalse();
    assertThat(IpBlock.parse("128.0.0.0/1").contains("200.1.1.1")).isTrue();
    assertThat(IpBlock.parse("128.0.0.0/1").contains("127.255.255.255")).isFalse();
  }

  @Test
  void ipv6BlocksContainTheirAddresses() {
    IpBlock block = IpBlock.parse("2001:db8::/32");
    assertThat(block.contains("2001:db8:ffff::1")).isTrue();
    assertThat(block.contains("2001:DB8::1")).isTrue();
    assertThat(block.contains("2001:db9::1")).isFalse();
    assertThat(block.contains("32.1.13.184")).isFalse();
    assertThat(IpBlock.parse("::/0").contains("::1")).isTrue();
    assertThat(IpBlock.parse("::ffff:0:0/96").contains("::ffff:10.1.2.3")).isTrue();
    assertThat(IpBlock.parse("::ffff:0:0/96").contains("10.1.2.3")).isFalse();
  }

  @Test
  void onlyLiteralAddressesAreAddresses() {
    assertThat(IpBlock.address("10.0.0.1")).containsExactly(10, 0, 0, 1);
    assertThat(IpBlock.address("010.0.0.1")).isNull();
    assertThat(IpBlock.address("10.0.0")).isNull();
    assertThat(IpBlock.address("10.0.0.1.")).isNull();
    assertThat(IpBlock.address("10.0.0.-1")).isNull();
    assertThat(IpBlock.address("1.2.3.4444")).isNull();
    assertThat(IpBlock.address("localhost")).isNull();
    assertThat(IpBlock.address("example.com")).isNull();
    // Names with a colon are not looked up either.
    assertThat(IpBlock.address("localhost:8080")).isNull();
    assertThat(IpBlock.address("xxxx:db8::")).isNull();
    assertThat(IpBlock.address("fe80::1%eth0")).isNull();
    assertThat(IpBlock.address("[::1]")).isNull();
    assertThat(IpBlock.address("1:2")).isNull();
    assertThat(IpBlock.address("::1")).hasSize(16);
  }

  @Test
  void malformedBlocksAreRefused() {
    assertThat(IpBlock.parse("10.0.0.0")).isNull();
    assertThat(IpBlock.parse("10.0.0.0/")).isNull();
    assertThat(IpBlock.parse("10.0.0.0/-1")).isNull();
    assertThat(IpBlock.parse("10.0.0.0/33")).isNull();
    assertThat(IpBlock.parse("10.0.0.0/8/8")).isNull();
    assertThat(IpBlock.parse("::/129")).isNull();
    assertThat(IpBlock.parse("::/0128")).isNull();
    assertThat(IpBlock.parse("/8")).isNull();
  }
}
