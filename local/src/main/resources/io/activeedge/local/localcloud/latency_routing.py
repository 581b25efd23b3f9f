"""Route 53's TestDNSAnswer, which moto 5.2 does not have, answering latency records as Route 53 does.

The latency model: the client is where its address is (the EDNS0 client subnet, else the resolver, else a resolver
in us-east-1, as the API says), placed by client_locations.json; its latency to a Region grows with the
great-circle distance from that place to the Region's city. Route 53 answers with the record of the lowest
latency among the healthy ones, and with the lowest latency of all when none is healthy.

Health is the same model as GetHealthCheckStatus (strict_route53.is_healthy): what the local cloud was told about
each endpoint check, disabled checks healthy, calculated checks over their children with HealthThreshold,
Inverted flips.

One difference from AWS, on purpose: for an alias record Route 53 answers with the addresses of the alias target;
the local cloud has no addresses for its stand-ins, so it answers with the alias target's DNS name.
"""

import ipaddress
import json
import math
import os

from moto.route53.exceptions import InvalidInput

LOCATIONS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "client_locations.json")
# https://docs.aws.amazon.com/Route53/latest/APIReference/API_TestDNSAnswer.html (ResolverIP): "If you omit this
# value, TestDnsAnswer uses the IP address of a DNS resolver in the Amazon Web Services US East (N. Virginia) Region
# (us-east-1)."
DEFAULT_RESOLVER_REGION = "us-east-1"
EARTH_RADIUS_KM = 6371.0


def install():
    from moto.route53 import urls
    from moto.route53.responses import Route53

    # https://docs.aws.amazon.com/Route53/latest/APIReference/API_TestDNSAnswer.html: GET /2013-04-01/testdnsanswer
    urls.url_paths[r"{0}/(?P<api_version>[\d_-]+)/testdnsanswer$"] = Route53.dispatch
    Route53.test_dns_answer = test_dns_answer


def load():
    with open(LOCATIONS_FILE, encoding="utf-8") as f:
        return json.load(f)


PLACES = None


def places():
    global PLACES
    if PLACES is None:
        PLACES = load()
    return PLACES


def test_dns_answer(self):
    from moto.core.responses import ActionResult

    zone = self.backend.get_hosted_zone(self._get_param("HostedZoneId"))
    name = _bare(self._get_param("RecordName"))
    record_type = self._get_param("RecordType")
    client = client_network(self._get_param("EDNS0ClientSubnetIP"), self._get_param("EDNS0ClientSubnetMask"),
                            self._get_param("ResolverIP"))
    records = [r for r in zone.rrsets if _bare(r.name) == name]
    answer = answer_of(self.backend, [r for r in records if r.type == record_type], where(client))
    return ActionResult({
        "Nameserver": "ns-1.awsdns-01.org",
        "RecordName": name + ".",
        "RecordType": record_type,
        "RecordData": answer,
        # NXDOMAIN when nothing has the name, NOERROR with no data when only other types have it (RFC 1035 4.1.1)
        "ResponseCode": "NOERROR" if records else "NXDOMAIN",
        "Protocol": "UDP",
    })


def client_network(subnet_ip, subnet_mask, resolver_ip):
    """The network the query comes from; None for the default resolver."""
    # https://docs.aws.amazon.com/Route53/latest/APIReference/API_TestDNSAnswer.html (EDNS0ClientSubnetMask): "The
    # default value is 24 bits for IPv4 addresses and 64 bits for IPv6 addresses." "IPv4: Specify a value between 0
    # and 32", "IPv6: Specify a value between 0 and 128".
    if subnet_ip:
        try:
            address = ipaddress.ip_address(subnet_ip)
        except ValueError as e:
            raise InvalidInput(f"edns0clientsubnetip is not an IP address: {subnet_ip}") from e
        longest = 32 if address.version == 4 else 128
        mask = 24 if address.version == 4 else 64
        if subnet_mask not in (None, ""):
            if not str(subnet_mask).isdigit() or not 0 <= int(subnet_mask) <= longest:
                raise InvalidInput(f"edns0clientsubnetmask must be between 0 and {longest} for {subnet_ip}")
            mask = int(subnet_mask)
        return ipaddress.ip_network(f"{subnet_ip}/{mask}", strict=False)
    if subnet_mask not in (None, ""):
        raise InvalidInput("edns0clientsubnetmask goes with edns0clientsubnetip")
    if resolver_ip:
        try:
            return ipaddress.ip_network(resolver_ip)
        except ValueError as e:
            raise InvalidInput(f"resolverip is not an IP address: {resolver_ip}") from e
    return None


def where(network):
    """(lat, lon) of the client: the known location whose subnet holds or lies in its network, else us-east-1."""
    if network is not None:
        for location in places()["locations"]:
            known = ipaddress.ip_network(location["subnet"])
            if known.version == network.version and (network.subnet_of(known) or known.subnet_of(network)):
                return location["lat"], location["lon"]
    region = places()["regions"][DEFAULT_RESOLVER_REGION]
    return region["lat"], region["lon"]


def distance_km(a, b):
    """Great-circle distance (haversine) between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def answer_of(backend, records, client):
    """The values Route 53 answers with for the records of one name and type."""
    latency = [r for r in records if r.region]
    if not latency:
        return [value for r in records for value in _values(r)]
    healthy = [r for r in latency if record_healthy(backend, r)]
    # https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-how-route-53-chooses-records.html: "If
    # none of the records in a group of records are healthy, Route 53 needs to return something in response to DNS
    # queries, but it has no basis for choosing one record over another. In this circumstance, Route 53 considers
    # all the records in the group to be healthy and selects one based on the routing policy".
    candidates = healthy or latency
    regions = places()["regions"]

    def latency_to(record):
        region = regions.get(record.region)
        return distance_km(client, (region["lat"], region["lon"])) if region else math.inf

    # https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-latency.html: Route 53 "determines which
    # Region gives the user the lowest latency, and then selects a latency record for that Region. Route 53 responds
    # with the value from the selected record".
    return _values(min(candidates, key=latency_to))


def record_healthy(backend, record):
    # https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html (HealthCheckId): "If you want
    # Amazon Route 53 to return this resource record set in response to a DNS query only when the status of a health
    # check is healthy, include the HealthCheckId element"; a record without one is always healthy
    # (health-checks-how-route-53-chooses-records.html: "Records without a health check are always healthy").
    import strict_route53

    if not record.health_check_id:
        return True
    check = backend.health_checks.get(record.health_check_id)
    return check is not None and strict_route53.is_healthy(backend, check)


def _values(record):
    if record.alias_target:
        return [_bare(record.alias_target.get("DNSName", ""))]
    return [v["Value"] if isinstance(v, dict) else v for v in record.records or []]


def _bare(name):
    return str(name or "").rstrip(".").lower()
